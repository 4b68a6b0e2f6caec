/**
 * A campaign's performance for its agency (everything) or a seller (its own products, no split, no creators):
 * overview tiles, the daily chart and the product table. Live: campaignNumbersChanged (at most one refresh a
 * second) and every reconnect refetch exactly what is shown.
 */
import { Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { CampaignOverview } from './CampaignOverview';
import { CampaignSeriesCard } from './CampaignSeriesCard';
import { ProductPerformanceTable } from './ProductPerformanceTable';
import { useCampaignNumbersLive } from './useLiveRefresh';
import { useT } from '../../i18n/context';

export interface CampaignPerformancePanelProps {
  campaign: { id: string; currency: string; campaignStart: string; campaignEnd: string };
  perspective: 'agency' | 'seller';
  timeZone: string;
}

export function CampaignPerformancePanel({ campaign, perspective, timeZone }: CampaignPerformancePanelProps) {
  const t = useT();
  const { version, lastEventAt } = useCampaignNumbersLive(campaign.id);
  return (
    <Stack gap="lg" data-testid="campaign-performance" data-version={version}>
      {lastEventAt && (
        <Group justify="flex-end" mb={-12}>
          <Text size="xs" c="dimmed" aria-live="polite" data-testid="performance-live">
            {t('insight.perf.updatedLive', { time: formatDateTime(lastEventAt, timeZone, { withZone: false }) })}
          </Text>
        </Group>
      )}
      <CampaignOverview campaignId={campaign.id} perspective={perspective} timeZone={timeZone} version={version} />
      <CampaignSeriesCard
        campaignId={campaign.id}
        perspective={perspective}
        currency={campaign.currency}
        timeZone={timeZone}
        campaignStart={campaign.campaignStart}
        campaignEnd={campaign.campaignEnd}
        version={version}
      />
      <ProductPerformanceTable campaignId={campaign.id} perspective={perspective} timeZone={timeZone} version={version} />
    </Stack>
  );
}
