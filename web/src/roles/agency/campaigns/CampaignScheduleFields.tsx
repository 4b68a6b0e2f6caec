/** The campaign and registration periods, entered as wall times in the market's zone. */
import { Card, Grid, Text, TextInput, Title } from '@mantine/core';
import type { CampaignFormField, CampaignFormValues } from '../../../features/campaigns/campaignFormRules';
import { MAX_PERIOD_DAYS } from '../../../features/campaigns/campaignFormRules';
import { periodDays } from '../../../features/campaigns/period';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { formatDateTime } from '../../../lib/format';
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
  const start = wallTimeToInstant(values.campaignStart, timeZone);
  const end = wallTimeToInstant(values.campaignEnd, timeZone);
  const days = start && end && end > start ? periodDays(start, end) : null;
  const zone = hasMarket && values.market ? `${MARKETS[values.market].name} time (${zoneName(timeZone)})` : 'UTC until you choose a market';

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-schedule">
      <Title order={2} size="h4" id="campaign-schedule" mb={4}>
        Schedule
      </Title>
      <Text size="sm" c="dimmed" mb="md" data-testid="schedule-zone">
        Times are in {zone}. Registration opens when the campaign starts.
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label="Campaign start"
            required
            value={values.campaignStart}
            onChange={(v) => set('campaignStart', v)}
            error={errorOf('campaignStart')}
            disabled={startLocked}
            description={startLocked ? 'The campaign has started; its start can no longer change.' : 'Must be in the future.'}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label="Campaign end"
            required
            value={values.campaignEnd}
            onChange={(v) => set('campaignEnd', v)}
            error={errorOf('campaignEnd')}
            description={
              days !== null ? `${days} ${days === 1 ? 'day' : 'days'} long (under ${MAX_PERIOD_DAYS} days allowed).` : `Less than ${MAX_PERIOD_DAYS} days after the start.`
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Registration opens"
            readOnly
            variant="filled"
            value={start ? formatDateTime(start, timeZone) : ''}
            placeholder="Set automatically from the campaign start"
            description="Always the campaign start (set automatically)."
            data-testid="registration-start"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <WallTimeInput
            label="Registration closes"
            required
            value={values.registrationEnd}
            onChange={(v) => set('registrationEnd', v)}
            error={errorOf('registrationEnd')}
            description="No later than the campaign end."
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
