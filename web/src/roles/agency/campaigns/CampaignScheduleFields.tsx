/** The campaign and registration periods, entered as wall times in the market's zone. */
import { Card, Grid, Text, TextInput, Title } from '@mantine/core';
import type { CampaignFormField, CampaignFormValues } from './campaignFormRules';
import { MAX_PERIOD_DAYS } from './campaignFormRules';
import { periodDays } from '../../../features/campaigns/period';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { useT } from '../../../i18n/context';
import { formatCount, formatDateTime } from '../../../lib/format';
import { MARKETS } from '../../../lib/markets';

export interface CampaignScheduleFieldsProps {
  values: CampaignFormValues;
  set: <K extends CampaignFormField>(field: K, value: CampaignFormValues[K]) => void;
  errorOf: (field: CampaignFormField) => string | undefined;
  timeZone: string;
  hasMarket: boolean;
  startLocked?: boolean;
}

export function CampaignScheduleFields({ values, set, errorOf, timeZone, hasMarket, startLocked }: CampaignScheduleFieldsProps) {
  const t = useT();
  const start = wallTimeToInstant(values.campaignStart, timeZone);
  const end = wallTimeToInstant(values.campaignEnd, timeZone);
  const days = start && end && end > start ? periodDays(start, end) : null;
  const zone =
    hasMarket && values.market
      ? t('campaigns.form.marketZone', { market: MARKETS[values.market].name, zone: zoneName(timeZone) })
      : t('campaigns.form.utcUntilMarket');

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-schedule">
      <Title order={2} size="h4" id="campaign-schedule" mb={4}>
        {t('campaigns.form.schedule')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" data-testid="schedule-zone">
        {t('campaigns.form.timesIn', { zone })}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label={t('campaigns.detail.change.campaignStart')}
            required
            value={values.campaignStart}
            onChange={(v) => set('campaignStart', v)}
            error={errorOf('campaignStart')}
            disabled={startLocked}
            description={startLocked ? t('campaigns.form.startLocked') : t('campaigns.form.startFuture')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label={t('campaigns.detail.change.campaignEnd')}
            required
            value={values.campaignEnd}
            onChange={(v) => set('campaignEnd', v)}
            error={errorOf('campaignEnd')}
            description={
              days !== null
                ? t('campaigns.form.periodLength', { count: days, days: formatCount(days), max: formatCount(MAX_PERIOD_DAYS) })
                : t('campaigns.form.periodMax', { max: formatCount(MAX_PERIOD_DAYS) })
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('campaigns.detail.change.registrationStart')}
            readOnly
            variant="filled"
            value={start ? formatDateTime(start, timeZone) : ''}
            placeholder={t('campaigns.form.registrationStartPlaceholder')}
            description={t('campaigns.form.registrationStartHint')}
            data-testid="registration-start"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label={t('campaigns.detail.change.registrationEnd')}
            required
            value={values.registrationEnd}
            onChange={(v) => set('registrationEnd', v)}
            error={errorOf('registrationEnd')}
            description={t('campaigns.form.registrationEndHint')}
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
