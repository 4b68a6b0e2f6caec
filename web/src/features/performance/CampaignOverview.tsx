/**
 * A campaign's overview tiles (agency: everything; seller: its own products, what it pays, never the split).
 * Fetches its own query and refetches it when `version` goes up (live).
 */
import { SimpleGrid, Text } from '@mantine/core';
import { IconBox, IconCash, IconGift, IconReceipt, IconShoppingCart, IconUsers, IconUserStar, IconBuilding } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { CampaignPerformanceDocument, type CampaignPerformanceQuery } from '../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash } from '../../lib/format';
import { MetricTile, type MetricTileProps } from './MetricTile';
import type { Perspective } from './series';
import { useRefetchOn } from './useLiveRefresh';
import { useT, type Translate } from '../../i18n/context';

type Performance = NonNullable<CampaignPerformanceQuery['campaignPerformance']>;

/** The tiles a perspective sees, from the figures the API gave it. */
function overviewTiles(t: Translate, p: Performance, perspective: Exclude<Perspective, 'creator'>): MetricTileProps[] {
  const n = p.numbers;
  const agency = perspective === 'agency';
  const settled = (money: Performance['numbers']['gmvActual'] | null) => ({ label: t('insight.overview.settled'), value: formatMoneyOrDash(money) });
  const tiles: MetricTileProps[] = [
    {
      label: t(agency ? 'insight.overview.products' : 'insight.overview.yourProducts'),
      value: formatCount(p.productsRegistered),
      icon: <IconBox size={16} />,
      help: t('insight.overview.productsHelp'),
      details: [
        { label: t('insight.overview.ongoing'), value: formatCount(p.productsApproved) },
        { label: t('insight.overview.pending'), value: formatCount(p.productsPending) },
        { label: t('insight.overview.rejected'), value: formatCount(p.productsRejected) },
        { label: t('insight.overview.closed'), value: formatCount(p.productsClosed) },
      ],
    },
    {
      label: t('insight.overview.creators'),
      value: formatCount(p.creatorsCollaborating),
      icon: <IconUsers size={16} />,
      help: t('insight.overview.creatorsHelp'),
      details: [{ label: t('insight.overview.withSales'), value: formatCount(p.creatorsWithSales) }],
    },
    p.samplesRequested !== null
      ? {
          label: t('insight.overview.samplesRequested'),
          value: formatCount(p.samplesRequested),
          icon: <IconGift size={16} />,
          help: t('insight.overview.samplesRequestedHelp'),
          details: [
            { label: t('insight.overview.approved'), value: formatCount(p.samplesApproved) },
            { label: t('insight.overview.shipped'), value: formatCount(p.samplesShipped) },
            { label: t('insight.overview.content'), value: formatCount(p.contentPosted) },
          ],
        }
      : {
          label: t('insight.overview.samplesApproved'),
          value: formatCount(p.samplesApproved),
          icon: <IconGift size={16} />,
          help: t('insight.overview.samplesApprovedHelp'),
          details: [
            { label: t('insight.overview.shipped'), value: formatCount(p.samplesShipped) },
            { label: t('insight.overview.content'), value: formatCount(p.contentPosted) },
          ],
        },
    {
      label: t('insight.perf.paidOrders'),
      value: formatCount(n.paidOrders),
      icon: <IconShoppingCart size={16} />,
      help: t('insight.overview.ordersHelp'),
      details: [{ label: t('insight.overview.settled'), value: formatCount(n.actualOrders) }],
    },
    {
      label: t('insight.perf.gmvEstimated'),
      value: formatMoneyOrDash(n.gmvEstimated),
      icon: <IconCash size={16} />,
      help: t('insight.overview.gmvHelp'),
      color: 'teal',
      details: [settled(n.gmvActual)],
    },
    {
      label: t(agency ? 'insight.overview.sellerPaid' : 'insight.perf.youPay'),
      value: formatMoneyOrDash(n.sellerPaidEstimated),
      icon: <IconReceipt size={16} />,
      help: t('insight.overview.sellerPaidHelp'),
      color: 'orange',
      details: [settled(n.sellerPaidActual)],
    },
  ];
  if (agency) {
    tiles.push(
      {
        label: t('insight.perf.creatorCommission'),
        value: formatMoneyOrDash(n.creatorCommissionEstimated),
        icon: <IconUserStar size={16} />,
        help: t('insight.overview.creatorCommissionHelp'),
        color: 'pink',
        details: [settled(n.creatorCommissionActual)],
      },
      {
        label: t('insight.perf.agencyCommission'),
        value: formatMoneyOrDash(n.agencyCommissionEstimated),
        icon: <IconBuilding size={16} />,
        help: t('insight.overview.agencyCommissionHelp'),
        color: 'indigo',
        details: [settled(n.agencyCommissionActual)],
      },
    );
  }
  return tiles;
}

export interface CampaignOverviewProps {
  campaignId: string;
  perspective: Exclude<Perspective, 'creator'>;
  timeZone: string;
  version: number;
}

export function CampaignOverview({ campaignId, perspective, timeZone, version }: CampaignOverviewProps) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignPerformanceDocument, variables: { campaignId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);

  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, errorTitle: t('insight.overview.error'), loadingLabel: t('insight.overview.loading') });
  if (pending) return pending;
  const performance = data?.campaignPerformance;
  if (!performance) return <EmptyBlock title={t('insight.overview.none')} description={t('insight.overview.noneHelp')} />;

  const tiles = overviewTiles(t, performance, perspective);
  return (
    <section aria-labelledby="overview-title">
      <Text component="h2" id="overview-title" fw={700} size="lg" mb={4}>
        {t('insight.overview.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm" aria-live="polite" data-testid="overview-computed-at">
        {t('insight.overview.asOf', { time: formatDateTime(performance.computedAt, timeZone) })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: tiles.length > 6 ? 4 : 3 }} spacing="sm" data-testid="performance-tiles">
        {tiles.map((tile) => (
          <MetricTile key={tile.label} {...tile} />
        ))}
      </SimpleGrid>
    </section>
  );
}
