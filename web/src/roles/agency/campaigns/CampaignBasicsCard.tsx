/** The campaign form's basics: name, market, description, seller requirements and the commission asked for. */
import { Card, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import {
  DESCRIPTION_MAX,
  NAME_MAX,
  SELLER_REQUIREMENTS_MAX,
  type CampaignFormValues,
} from './campaignFormRules';
import { checkPercent, RATE_MAX_BPS, RATE_MIN_BPS } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import type { Market } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatRate } from '../../../lib/format';
import { MARKETS } from '../../../lib/markets';
import type { CampaignErrorOf, SetCampaignField } from './useCampaignForm';

export interface CampaignFieldsProps {
  values: CampaignFormValues;
  set: SetCampaignField;
  errorOf: CampaignErrorOf;
}

function Counter({ value, max }: { value: string; max: number }) {
  const over = value.length > max;
  return (
    <Text span size="xs" c={over ? 'red' : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value.length}/{max}
    </Text>
  );
}

const TEXTAREA_COUNTER = { rightSectionWidth: 72, styles: { section: { alignItems: 'flex-end', paddingBottom: 6 } } } as const;

export function CampaignBasicsCard({
  values,
  set,
  errorOf,
  mode,
  markets,
}: CampaignFieldsProps & { mode: 'create' | 'edit'; markets: ReadonlyArray<Market> }) {
  const t = useT();
  const rate = checkPercent(values.commissionRequirement);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-basics">
      <Title order={2} size="h4" id="campaign-basics" mb="md">
        {t('campaigns.form.basics')}
      </Title>
      <Stack gap="md">
        <TextInput
          label={t('campaigns.form.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errorOf('name')}
          rightSection={<Counter value={values.name.trim()} max={NAME_MAX} />}
          rightSectionWidth={56}
          placeholder={t('campaigns.form.namePlaceholder')}
        />
        <Select
          label={t('campaigns.details.market')}
          required
          description={
            mode === 'edit'
              ? t('campaigns.form.marketFixed')
              : values.market
                ? t('campaigns.form.marketMoneyTime', { currency: MARKETS[values.market].currency, market: MARKETS[values.market].name })
                : t('campaigns.form.marketHint')
          }
          placeholder={t('campaigns.form.chooseMarket')}
          data={markets.map((m) => ({ value: m, label: MARKETS[m].name }))}
          value={values.market || null}
          onChange={(v) => set('market', (v as Market | null) ?? '')}
          error={errorOf('market')}
          disabled={mode === 'edit'}
          allowDeselect={false}
        />
        <Textarea
          label={t('campaigns.detail.change.description')}
          description={t('campaigns.form.descriptionHint')}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errorOf('description')}
          autosize
          minRows={3}
          maxRows={8}
          rightSection={<Counter value={values.description} max={DESCRIPTION_MAX} />}
          {...TEXTAREA_COUNTER}
        />
        <Textarea
          label={t('campaigns.detail.change.sellerRequirements')}
          description={t('campaigns.form.requirementsHint')}
          value={values.sellerRequirements}
          onChange={(e) => set('sellerRequirements', e.currentTarget.value)}
          error={errorOf('sellerRequirements')}
          autosize
          minRows={2}
          maxRows={6}
          rightSection={<Counter value={values.sellerRequirements} max={SELLER_REQUIREMENTS_MAX} />}
          {...TEXTAREA_COUNTER}
        />
        <RateInput
          label={t('campaigns.detail.change.commissionRequirement')}
          required
          description={
            rate.bps !== null && !rate.error
              ? t('campaigns.form.rateOrMore', { rate: formatRate(rate.bps) })
              : t('campaigns.form.rateHint', { min: formatRate(RATE_MIN_BPS), max: formatRate(RATE_MAX_BPS) })
          }
          value={values.commissionRequirement}
          onChange={(text) => set('commissionRequirement', text)}
          error={errorOf('commissionRequirement')}
          w={{ base: '100%', sm: 320 }}
        />
      </Stack>
    </Card>
  );
}
