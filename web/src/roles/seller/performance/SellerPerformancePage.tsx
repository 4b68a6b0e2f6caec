/**
 * The seller's product-level performance in the campaigns it joined: the overview, the daily chart and its
 * products' figures — what it pays, never a creator or the split (the API returns none). Live.
 */
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MarketBadge } from '../../../components/MarketBadge';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { formatPeriodDates } from '../../../features/campaigns/period';
import { CampaignPerformancePanel } from '../../../features/performance/CampaignPerformancePanel';
import { SellerPerformanceCampaignsDocument } from '../../../generated/graphql';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';

export function SellerPerformancePage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerPerformanceCampaignsDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const [params, setParams] = useSearchParams();
  const campaigns = useMemo(() => data?.campaigns.edges.map((e) => e.node) ?? [], [data]);
  // The one asked for in the URL, else the first running campaign, else the newest.
  const selected =
    campaigns.find((c) => c.id === params.get('campaign')) ?? campaigns.find((c) => c.status === 'ONGOING') ?? campaigns[0] ?? null;
  const tz = marketTimeZone(selected?.market);

  return (
    <>
      <PageHeader title="Performance" description="Orders, GMV and the commission you pay, for your products in each campaign you joined." />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data && fetching ? (
        <LoadingState label="Loading your campaigns…" />
      ) : !selected ? (
        <EmptyBlock title="No campaigns yet" description="Register products in a campaign to see how they perform." icon={<IconChartBar aria-hidden />}>
          <Button component={Link} to="/seller/marketplace" variant="light" mt="sm">
            Find campaigns
          </Button>
        </EmptyBlock>
      ) : (
        <Stack gap="lg">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="Campaign"
              data={campaigns.map((c) => ({ value: c.id, label: `${c.name} · ${CAMPAIGN_STATUS[c.status].label}` }))}
              value={selected.id}
              onChange={(v) => v && setParams({ campaign: v }, { replace: true })}
              allowDeselect={false}
              searchable
              w={380}
            />
            <Group gap="xs" pb={6}>
              <CampaignStatusBadge status={selected.status} />
              <MarketBadge market={selected.market} />
              <Text size="sm" c="dimmed">
                {formatPeriodDates(selected.campaignStart, selected.campaignEnd, tz)}
                {selected.agency?.name ? ` · by ${selected.agency.name}` : ''}
              </Text>
            </Group>
          </Group>
          <CampaignPerformancePanel key={selected.id} campaign={selected} perspective="seller" timeZone={tz} />
        </Stack>
      )}
    </>
  );
}
