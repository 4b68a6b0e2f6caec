/**
 * A campaign's overview tiles (agency: everything; seller: its own products, what it pays, never the split).
 * Fetches its own query and refetches it when `version` goes up (live).
 */
import { SimpleGrid, Text } from '@mantine/core';
import { IconBox, IconCash, IconGift, IconReceipt, IconShoppingCart, IconUsers, IconUserStar, IconBuilding } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import { CampaignPerformanceDocument, type CampaignPerformanceQuery } from '../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash } from '../../lib/format';
import { MetricTile, type MetricTileProps } from './MetricTile';
import type { Perspective } from './series';
import { useRefetchOn } from './useLiveRefresh';

type Performance = NonNullable<CampaignPerformanceQuery['campaignPerformance']>;

/** The tiles a perspective sees, from the figures the API gave it. */
function overviewTiles(p: Performance, perspective: Exclude<Perspective, 'creator'>): MetricTileProps[] {
  const n = p.numbers;
  const agency = perspective === 'agency';
  const settled = (money: Performance['numbers']['gmvActual'] | null) => ({ label: 'Settled', value: formatMoneyOrDash(money) });
  const tiles: MetricTileProps[] = [
    {
      label: agency ? 'Products registered' : 'Your products registered',
      value: formatCount(p.productsRegistered),
      icon: <IconBox size={16} />,
      help: 'Registrations not withdrawn. Ongoing: approved (or a cancellation is being decided).',
      details: [
        { label: 'Ongoing', value: formatCount(p.productsApproved) },
        { label: 'Pending', value: formatCount(p.productsPending) },
        { label: 'Rejected', value: formatCount(p.productsRejected) },
        { label: 'Closed', value: formatCount(p.productsClosed) },
      ],
    },
    {
      label: 'Creators collaborating',
      value: formatCount(p.creatorsCollaborating),
      icon: <IconUsers size={16} />,
      help: 'Creators with the products in their showcase now; with sales: credited with at least one sale.',
      details: [{ label: 'With sales', value: formatCount(p.creatorsWithSales) }],
    },
    p.samplesRequested !== null
      ? {
          label: 'Samples requested',
          value: formatCount(p.samplesRequested),
          icon: <IconGift size={16} />,
          help: 'Sample requests in any status; content: videos and LIVE sessions posted for the products.',
          details: [
            { label: 'Approved', value: formatCount(p.samplesApproved) },
            { label: 'Shipped', value: formatCount(p.samplesShipped) },
            { label: 'Content', value: formatCount(p.contentPosted) },
          ],
        }
      : {
          label: 'Samples approved',
          value: formatCount(p.samplesApproved),
          icon: <IconGift size={16} />,
          help: 'Samples of your products approved for creators; content: videos and LIVE sessions posted.',
          details: [
            { label: 'Shipped', value: formatCount(p.samplesShipped) },
            { label: 'Content', value: formatCount(p.contentPosted) },
          ],
        },
    {
      label: 'Paid orders',
      value: formatCount(n.paidOrders),
      icon: <IconShoppingCart size={16} />,
      help: 'Orders with a paid line (later cancelled or returned ones included). Settled: after the market’s settlement window.',
      details: [{ label: 'Settled', value: formatCount(n.actualOrders) }],
    },
    {
      label: 'GMV (estimated)',
      value: formatMoneyOrDash(n.gmvEstimated),
      icon: <IconCash size={16} />,
      help: 'Paid by buyers after refunds, on lines that are sales now. Settled: final, after returns.',
      color: 'teal',
      details: [settled(n.gmvActual)],
    },
    {
      label: agency ? 'Seller-paid commission' : 'Commission you pay',
      value: formatMoneyOrDash(n.sellerPaidEstimated),
      icon: <IconReceipt size={16} />,
      help: 'The sellers’ total rate applied to each line, estimated; settled once final.',
      color: 'orange',
      details: [settled(n.sellerPaidActual)],
    },
  ];
  if (agency) {
    tiles.push(
      {
        label: 'Creator commission',
        value: formatMoneyOrDash(n.creatorCommissionEstimated),
        icon: <IconUserStar size={16} />,
        help: 'The creators’ share of the seller-paid commission, estimated; settled once final.',
        color: 'pink',
        details: [settled(n.creatorCommissionActual)],
      },
      {
        label: 'Agency commission',
        value: formatMoneyOrDash(n.agencyCommissionEstimated),
        icon: <IconBuilding size={16} />,
        help: 'Your share: the seller-paid commission minus the creators’, estimated; settled once final.',
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
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignPerformanceDocument, variables: { campaignId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);

  if (error && !data) return <ErrorState error={error} onRetry={reload} title="Could not load the overview" />;
  if (!data && fetching) return <LoadingState label="Loading overview…" />;
  const performance = data?.campaignPerformance;
  if (!performance) return <EmptyBlock title="No figures for this campaign" description="It does not exist or is not yours to see." />;

  const tiles = overviewTiles(performance, perspective);
  return (
    <section aria-labelledby="overview-title">
      <Text component="h2" id="overview-title" fw={700} size="lg" mb={4}>
        Overview
      </Text>
      <Text size="xs" c="dimmed" mb="sm" aria-live="polite" data-testid="overview-computed-at">
        Live · figures as of {formatDateTime(performance.computedAt, timeZone)}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: tiles.length > 6 ? 4 : 3 }} spacing="sm" data-testid="performance-tiles">
        {tiles.map((tile) => (
          <MetricTile key={tile.label} {...tile} />
        ))}
      </SimpleGrid>
    </section>
  );
}
