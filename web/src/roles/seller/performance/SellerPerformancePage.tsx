/**
 * The seller's product-level performance in the campaigns it joined: the overview, the daily chart and its
 * products' figures — what it pays, never a creator or the split (the API returns none). Live.
 */
import { Box, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MarketBadge } from '../../../components/MarketBadge';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyBlock, LoadingState } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { formatPeriodDates } from '../../../features/campaigns/period';
import { MyScorecardCard } from '../../../features/insight/ScorecardPanel';
import { CampaignPerformancePanel } from '../../../features/performance/CampaignPerformancePanel';
import { SellerPerformanceCampaignsDocument } from '../../../generated/graphql';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { SellerAllCampaigns } from './SellerAllCampaigns';
import { useT } from '../../../i18n/context';

export function SellerPerformancePage() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerPerformanceCampaignsDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const [params, setParams] = useSearchParams();
  const campaigns = useMemo(() => data?.campaigns.edges.map((e) => e.node) ?? [], [data]);
  // Paid orders per campaign, as the all-campaigns rows learn them.
  const [activity, setActivity] = useState<ReadonlyMap<string, number>>(new Map());
  const onActivity = useCallback((id: string, paid: number) => setActivity((a) => (a.get(id) === paid ? a : new Map(a).set(id, paid))), []);
  const known = campaigns.length > 0 && campaigns.every((c) => activity.has(c.id));
  const mostActive = known ? [...campaigns].sort((a, b) => activity.get(b.id)! - activity.get(a.id)!)[0]! : null;
  // The one asked for in the URL, else the campaign with the most paid orders (a running one among equals), else the newest.
  const asked = campaigns.find((c) => c.id === params.get('campaign'));
  const fallback = campaigns.find((c) => c.status === 'ONGOING') ?? campaigns[0] ?? null;
  const selected = asked ?? (mostActive && activity.get(mostActive.id)! > 0 ? mostActive : known ? fallback : null);
  const open = (id: string) => setParams({ campaign: id }, { replace: true });
  const tz = marketTimeZone(selected?.market);

  return (
    <>
      <PageHeader title={t('seller.perf.title')} description={t('seller.perf.description')} />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('seller.perf.loading')}
        empty={
          campaigns.length === 0 && (
            <EmptyBlock title={t('seller.perf.none')} description={t('seller.perf.noneBody')} icon={<IconChartBar aria-hidden />}>
              <Button component={Link} to="/seller/marketplace" variant="light" mt="sm">
                {t('seller.perf.find')}
              </Button>
            </EmptyBlock>
          )
        }
      >
        <Stack gap="lg">
          {!selected ? (
            <LoadingState label={t('seller.perf.finding')} />
          ) : (
          <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('seller.perf.campaign')}
              data={campaigns.map((c) => ({ value: c.id, label: t('seller.perf.campaignOption', { name: c.name, status: t(CAMPAIGN_STATUS[c.status].label) }) }))}
              value={selected.id}
              onChange={(v) => v && open(v)}
              allowDeselect={false}
              searchable
              w={380}
            />
            <Group gap="xs" pb={6}>
              <CampaignStatusBadge status={selected.status} />
              <MarketBadge market={selected.market} />
              <Text size="sm" c="dimmed">
                {formatPeriodDates(selected.campaignStart, selected.campaignEnd, tz)}
                {selected.agency?.name ? t('seller.perf.byAgency', { agency: selected.agency.name }) : ''}
              </Text>
            </Group>
          </Group>
          <CampaignPerformancePanel key={selected.id} campaign={selected} perspective="seller" timeZone={tz} />
          </>
          )}
          <SellerAllCampaigns campaigns={campaigns} activity={activity} selectedId={selected?.id ?? null} onActivity={onActivity} onOpen={open} />
        </Stack>
      </QueryBoundary>
      <Box mt="lg">
        <MyScorecardCard />
      </Box>
    </>
  );
}
