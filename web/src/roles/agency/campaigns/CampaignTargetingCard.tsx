/** The campaign form's targeting: open or selected shops (pasted codes) and the seller type. */
import { Card, Radio, Select, Stack, Title } from '@mantine/core';
import type { CampaignFormValues } from './campaignFormRules';
import { ShopCodesField } from './ShopCodesField';
import { useT } from '../../../i18n/context';
import type { CampaignFieldsProps } from './CampaignBasicsCard';

export function CampaignTargetingCard({ values, set, errorOf, unknownShopCodes }: CampaignFieldsProps & { unknownShopCodes: ReadonlyArray<string> }) {
  const t = useT();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-targeting">
      <Title order={2} size="h4" id="campaign-targeting" mb="md">
        {t('campaigns.form.whoCanRegister')}
      </Title>
      <Stack gap="md">
        <Radio.Group
          label={t('campaigns.detail.change.targetingMode')}
          value={values.targetingMode}
          onChange={(v) => set('targetingMode', v as CampaignFormValues['targetingMode'])}
          error={errorOf('targetingMode')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="OPEN" label={t('campaigns.form.open')} description={t('campaigns.form.openHint')} />
            <Radio value="SELECTED" label={t('campaigns.detail.change.selectedShops')} description={t('campaigns.form.selectedHint')} />
          </Stack>
        </Radio.Group>
        {values.targetingMode === 'SELECTED' && (
          <ShopCodesField
            value={values.shopCodes}
            onChange={(text) => set('shopCodes', text)}
            error={errorOf('shopCodes')}
            unknownCodes={unknownShopCodes}
          />
        )}
        <Select
          label={t('campaigns.detail.change.targetSellerType')}
          description={t('campaigns.form.sellerTypeHint')}
          data={[
            { value: '', label: t('campaigns.detail.anySellerType') },
            { value: 'LOCAL', label: t('campaigns.details.localOnly') },
            { value: 'CROSS_BORDER', label: t('campaigns.details.crossBorderOnly') },
          ]}
          value={values.sellerType}
          onChange={(v) => set('sellerType', (v ?? '') as CampaignFormValues['sellerType'])}
          error={errorOf('sellerType')}
          allowDeselect={false}
          w={{ base: '100%', sm: 320 }}
        />
      </Stack>
    </Card>
  );
}
