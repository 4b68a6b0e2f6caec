/** The creator's home on a phone: earnings first (today, this month, the next payout), then the best offers and the
 * content deadlines, every item one tap from where it is done. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { CreatorWorkplaceDocument } from '../../../generated/graphql';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { SAMPLE_STATUS } from '../../../features/samples/sampleStatus';
import { formatCount, formatDate, formatMoney, formatRate, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';

const FROM = seriesFrom();

export function CreatorWorkplace() {
  const viewer = useViewer();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  if (error && !data) return <ErrorState error={error} onRetry={again} />;
  if (fetching && !data) return <LoadingState label="Loading your earnings…" />;
  if (!data) return null;

  const series = data.creatorPerformanceSeries;
  const earned = daySums(series.days, series.currency, (n) => n.creatorCommissionEstimated);
  const home = data.earnings.find((e) => e.currency === series.currency) ?? data.earnings[0];

  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm">
        <FigureCard
          label="Earned today"
          value={formatMoney(earned.today)}
          note={`${formatCount(earned.todayOrders)} paid ${earned.todayOrders === 1 ? "order" : "orders"} · yesterday ${formatMoney(earned.yesterday)}`}
          to="/creator/earnings"
          testId="earned-today"
          big
        />
        <FigureCard label="This month" value={formatMoney(earned.month)} note="Estimated, settles after delivery" to="/creator/earnings" testId="earned-month" big />
      </SimpleGrid>
      {home && (
        <FigureCard
          label="Next payout"
          value={formatMoney(home.billed ?? { amount: '0', currency: home.currency })}
          note={`In issued bills · ${formatMoney(home.settledUnbilled ?? { amount: '0', currency: home.currency })} settled goes into the next bill`}
          to="/creator/earnings/payouts"
          testId="next-payout"
        />
      )}
      <WorkCard
        id="work-offers"
        title="Best offers for you"
        count={null}
        allHref="/creator/offers"
        allLabel="All offers"
        empty="Open a share link from an agency to see its offers here."
        items={data.commissionOffers.map((p) => ({
          key: p.product?.id ?? String(p.bestRateBps),
          to: '/creator/offers',
          title: p.product?.title ?? 'Product',
          detail: p.offers[0] ? `${p.offers[0].campaignName} · ends ${formatDate(p.offers[0].campaignEnd, zone)}` : undefined,
          aside: p.activeRateBps === null ? formatRate(p.bestRateBps) : `${formatRate(p.bestRateBps)} (yours ${formatRate(p.activeRateBps)})`,
        }))}
      />
      <WorkCard
        id="work-deadlines"
        title="Samples and content deadlines"
        count={data.deadlines.totalCount}
        allHref="/creator/samples"
        empty="No sample on its way and no content due."
        items={data.deadlines.edges.map(({ node: s }) => ({
          key: s.id,
          to: '/creator/samples',
          title: s.product?.title ?? 'Product',
          detail: s.contentDueAt
            ? `Content due ${formatRelative(s.contentDueAt, now)} (${formatDate(s.contentDueAt, zone)})`
            : SAMPLE_STATUS[s.status].description,
          aside: SAMPLE_STATUS[s.status].label,
        }))}
      />
    </Stack>
  );
}
