/**
 * The creator's earnings (phone first): own orders, GMV and commission (estimated and settled), balances, the
 * daily chart, and the figures per product (with sample and content deadlines) and per campaign. Only its own
 * share: never the seller's total or the agency's. Live through commissionChanged.
 */
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconClockExclamation, IconShoppingCart, IconUserStar, IconBuildingStore } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { BalanceSummary } from '../../../features/finance/BalanceSummary';
import { ForecastCard } from '../../../features/insight/ForecastCard';
import { MyScorecardCard } from '../../../features/insight/ScorecardPanel';
import { MetricTile } from '../../../features/performance/MetricTile';
import { localDate, resolveRange, type RangeChoice } from '../../../features/performance/series';
import { SeriesChartCard } from '../../../features/performance/SeriesChartCard';
import { useOrderLinesLive, useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import {
  CreatorCampaignPerformanceDocument,
  CreatorEarningsDocument,
  CreatorPerformanceSeriesDocument,
  CreatorProductPerformanceDocument,
} from '../../../generated/graphql';
import { formatCount, formatDate, formatDateTime, formatMoneyOrDash, formatRate, formatRelative } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { ProductHeader } from '../ProductHeader';
import { EarningsHeader } from './EarningsHeader';
import { useNow } from '../../../features/performance/useNow';

function Totals({ version }: { version: number }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorEarningsDocument });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('creator.earnings.loading') });
  if (pending) return pending;
  const p = data?.creatorPerformance;
  if (!p) return null;
  const n = p.numbers;
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm" data-testid="creator-earnings-tiles">
        <MetricTile
          compact
          label={t('creator.earnings.yourCommission')}
          value={formatMoneyOrDash(n.creatorCommissionEstimated)}
          icon={<IconUserStar size={16} />}
          color="pink"
          help={t('creator.earnings.yourCommissionHelp')}
          details={[{ label: t('creator.earnings.settled'), value: formatMoneyOrDash(n.creatorCommissionActual) }]}
        />
        <MetricTile
          compact
          label={t('creator.earnings.gmv')}
          value={formatMoneyOrDash(n.gmvEstimated)}
          icon={<IconCash size={16} />}
          color="teal"
          help={t('creator.earnings.gmvHelp')}
          details={[{ label: t('creator.earnings.settled'), value: formatMoneyOrDash(n.gmvActual) }]}
        />
        <MetricTile compact label={t('creator.earnings.paidOrders')} value={formatCount(n.paidOrders)} icon={<IconShoppingCart size={16} />} details={[{ label: t('creator.earnings.settled'), value: formatCount(n.actualOrders) }]} />
        <MetricTile compact label={t('creator.earnings.inShowcase')} value={formatCount(p.productsInShowcase)} icon={<IconBuildingStore size={16} />} help={t('creator.earnings.inShowcaseHelp')} />
      </SimpleGrid>
      {data.earnings.map((e) => (
        <Card key={e.currency} withBorder radius="lg" padding="md" component="section" aria-label={t('creator.earnings.balanceIn', { currency: e.currency })}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h5">
              {t('creator.earnings.balance')}
            </Title>
            <Anchor component={Link} to="/creator/earnings/payouts" size="sm">
              {t('creator.earnings.tabs.payouts')}
            </Anchor>
          </Group>
          <BalanceSummary balance={e} compact />
        </Card>
      ))}
    </Stack>
  );
}

function Chart({ version, timeZone, currency }: { version: number; timeZone: string; currency: string }) {
  const t = useT();
  const now = useNow();
  const today = localDate(now, timeZone);
  const [choice, setChoice] = useState<RangeChoice>({ preset: '30d', custom: [null, null] });
  const { range } = resolveRange(choice, today);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CreatorPerformanceSeriesDocument,
    variables: { from: range?.from ?? null, to: range?.to ?? null },
    pause: range === null,
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const series = data?.creatorPerformanceSeries;
  return (
    <SeriesChartCard
      title={t('creator.earnings.chartTitle')}
      perspective="creator"
      currency={series?.currency ?? currency}
      timeZone={series?.timeZone ?? timeZone}
      today={today}
      choice={choice}
      onChoiceChange={setChoice}
      days={series?.days ?? null}
      fetching={fetching && Boolean(data)}
      compact
      status={queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('creator.earnings.loadingChart'), loadingMinHeight: 220 }) ?? undefined}
    />
  );
}

function Products({ version, timeZone }: { version: number; timeZone: string }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorProductPerformanceDocument, variables: { first: 50 } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const rows = data?.creatorProductPerformance.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="creator-products-title">
      <Title order={2} size="h4" id="creator-products-title">
        {t('creator.earnings.byProduct')}
      </Title>
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('creator.earnings.loadingProducts')}
        empty={rows.length === 0 && <EmptyBlock title={t('creator.earnings.noProducts')} description={t('creator.earnings.noProductsHint')} />}
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row, i) => {
            const n = row.numbers;
            const due = row.contentDueAt ?? row.sampleRequest?.contentDueAt ?? null;
            const sample = row.sampleRequest;
            const contentOwed = sample && (sample.status === 'DELIVERED' || sample.status === 'OVERDUE');
            return (
              <li key={`${row.product?.id ?? i}-${row.campaignName}`}>
                <Card withBorder radius="lg" padding="md" data-testid="creator-product-performance">
                  <Stack gap="sm">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <ProductHeader product={row.product} size={48} />
                      {row.creatorRateBps !== null && (
                        <Badge color="pink" variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
                          {formatRate(row.creatorRateBps)}
                        </Badge>
                      )}
                    </Group>
                    <SimpleGrid cols={3} spacing="xs">
                      <Stack gap={0}>
                        <Text size="xs" c="dimmed">
                          {t('creator.earnings.tabs.orders')}
                        </Text>
                        <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatCount(n.paidOrders)}
                        </Text>
                      </Stack>
                      <Stack gap={0}>
                        <Text size="xs" c="dimmed">
                          {t('creator.earnings.gmv')}
                        </Text>
                        <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatMoneyOrDash(n.gmvEstimated)}
                        </Text>
                      </Stack>
                      <Stack gap={0}>
                        <Text size="xs" c="dimmed">
                          {t('creator.earnings.youEarn')}
                        </Text>
                        <Text fw={700} c="pink" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatMoneyOrDash(n.creatorCommissionEstimated)}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {t('creator.earnings.amountSettled', { amount: formatMoneyOrDash(n.creatorCommissionActual) })}
                        </Text>
                      </Stack>
                    </SimpleGrid>
                    {sample && (
                      <Group gap="xs" wrap="wrap">
                        <Text size="xs" c="dimmed">
                          {t('creator.earnings.sample')}
                        </Text>
                        <SampleStatusBadge status={sample.status} />
                      </Group>
                    )}
                    {due && contentOwed && (
                      <Group gap={6} wrap="nowrap" data-testid="content-deadline">
                        <IconClockExclamation size={16} color="var(--mantine-color-orange-7)" aria-hidden />
                        <Text size="sm" c={sample?.status === 'OVERDUE' ? 'red' : 'orange'}>
                          {t(sample?.status === 'OVERDUE' ? 'creator.earnings.contentWasDue' : 'creator.earnings.contentDue', {
                            date: formatDateTime(due, timeZone),
                            relative: formatRelative(due),
                          })}
                        </Text>
                      </Group>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('creator.earnings.productLine', { campaign: row.campaignName, agency: row.agencyName, date: formatDate(row.campaignEnd, timeZone) })}
                    </Text>
                  </Stack>
                </Card>
              </li>
            );
          })}
        </Stack>
      </QueryBoundary>
    </Stack>
  );
}

function Campaigns({ version, timeZone }: { version: number; timeZone: string }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorCampaignPerformanceDocument, variables: { first: 20 } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const rows = data?.creatorCampaignPerformance.edges.map((e) => e.node) ?? [];
  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('creator.earnings.loadingCampaigns') });
  if (pending) return pending;
  if (rows.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="creator-campaigns-title">
      <Title order={2} size="h4" id="creator-campaigns-title">
        {t('creator.earnings.byCampaign')}
      </Title>
      <Card withBorder radius="lg" padding={0}>
        <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row, i) => (
            <Group
              key={`${row.campaignName}-${row.agencyName}`}
              component="li"
              justify="space-between"
              wrap="nowrap"
              p="md"
              style={{ borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined }}
              data-testid="creator-campaign-performance"
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} lineClamp={1}>
                  {row.campaignName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('creator.earnings.campaignLine', {
                    agency: row.agencyName,
                    productsShown: formatCount(row.productsInShowcase),
                    ordersShown: formatCount(row.numbers.paidOrders),
                    date: formatDate(row.campaignEnd, timeZone),
                  })}
                </Text>
              </Stack>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text fw={700} c="pink" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoneyOrDash(row.numbers.creatorCommissionEstimated)}
                </Text>
                <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('creator.earnings.amountSettled', { amount: formatMoneyOrDash(row.numbers.creatorCommissionActual) })}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

export function CreatorEarningsPage() {
  const t = useT();
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const currency = viewer.organisation.market ? MARKETS[viewer.organisation.market].currency : 'USD';
  const { version } = useOrderLinesLive('payee');
  return (
    <Stack gap="md">
      <EarningsHeader subtitle={t('creator.earnings.subtitle')} />
      <Totals version={version} />
      <ForecastCard compact />
      <Chart version={version} timeZone={tz} currency={currency} />
      <Products version={version} timeZone={tz} />
      <Campaigns version={version} timeZone={tz} />
      <MyScorecardCard />
    </Stack>
  );
}
