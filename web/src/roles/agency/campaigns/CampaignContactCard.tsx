/** The campaign form's contact: email, phone and the market's messenger (required in some markets). */
import { Card, Grid, Text, TextInput, Title } from '@mantine/core';
import { MARKET_MESSENGER, MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import type { Market, Messenger } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { MARKETS } from '../../../lib/markets';
import type { CampaignFieldsProps } from './CampaignBasicsCard';

export function CampaignContactCard({ values, set, errorOf }: CampaignFieldsProps) {
  const t = useT();
  /** What the handle field asks for: "LINE ID", "Viber number", … */
  const handleLabel = (m: Messenger) => (m === 'LINE' ? t('campaigns.form.lineId') : t('campaigns.form.messengerNumber', { messenger: MESSENGER_LABEL[m] }));
  const messenger = values.market ? MARKET_MESSENGER[values.market] : null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-contact">
      <Title order={2} size="h4" id="campaign-contact" mb={4}>
        {t('campaigns.detail.change.contact')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {messenger
          ? messenger.required
            ? t('campaigns.form.messengerRequired', { market: MARKETS[values.market as Market].name, messenger: MESSENGER_LABEL[messenger.messenger] })
            : t('campaigns.form.messengerOptional', { market: MARKETS[values.market as Market].name, messenger: MESSENGER_LABEL[messenger.messenger] })
          : t('campaigns.form.messengerChooseMarket')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('campaigns.form.email')}
            required
            type="email"
            autoComplete="email"
            value={values.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            error={errorOf('contactEmail')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('campaigns.form.phone')}
            type="tel"
            autoComplete="tel"
            value={values.contactPhone}
            onChange={(e) => set('contactPhone', e.currentTarget.value)}
            error={errorOf('contactPhone')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={
              messenger
                ? messenger.required
                  ? handleLabel(messenger.messenger)
                  : t('campaigns.form.optional', { label: handleLabel(messenger.messenger) })
                : t('campaigns.form.messenger')
            }
            required={messenger?.required ?? false}
            disabled={!messenger}
            value={values.messengerHandle}
            onChange={(e) => set('messengerHandle', e.currentTarget.value)}
            error={errorOf('messengerHandle')}
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
