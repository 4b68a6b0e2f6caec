/** The agency's home: today's numbers against yesterday, then each pile of work, every item one click from where it is done. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { AgencyWorkplaceDocument } from '../../../generated/graphql';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { countDelta, daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { formatCount, formatDateTime, formatMoney, formatRate, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';

const FROM = seriesFrom();

export function AgencyWorkplace() {
  const viewer = useViewer();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  if (error && !data) return <ErrorState error={error} onRetry={again} />;
  if (fetching && !data) return <LoadingState label="Loading your work…" />;
  if (!data) return null;

  const series = data.performanceSeries;
  const gmv = daySums(series.days, series.currency, (n) => n.gmvEstimated);
  const earned = daySums(series.days, series.currency, (n) => n.agencyCommissionEstimated);
  const changes = data.campaigns.edges.map((e) => e.node).filter((c) => c.pendingChange);
  const title = (r: { product: { title: string } | null; shop: { name: string | null } | null }) =>
    `${r.product?.title ?? 'Product'} · ${r.shop?.name ?? 'Shop'}`;

  return (
    <Stack gap="lg" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-label="Today against yesterday">
        <FigureCard
          label="Paid orders today"
          value={formatCount(gmv.todayOrders)}
          note={`${countDelta(gmv.todayOrders, gmv.yesterdayOrders)} against yesterday (${formatCount(gmv.yesterdayOrders)})`}
          to="/agency/orders"
          testId="today-orders"
        />
        <FigureCard
          label="GMV today"
          value={formatMoney(gmv.today)}
          note={`Yesterday ${formatMoney(gmv.yesterday)}`}
          to="/agency/orders"
          testId="today-gmv"
        />
        <FigureCard
          label="Your commission today"
          value={formatMoney(earned.today)}
          note={`Yesterday ${formatMoney(earned.yesterday)} · this month ${formatMoney(earned.month)}`}
          to="/agency/orders"
          testId="today-commission"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <WorkCard
          id="work-registrations"
          title="Registrations waiting"
          count={data.waiting.totalCount}
          empty="No registration waits for review."
          items={data.waiting.edges.map(({ node: r }) => ({
            key: r.id,
            to: `/agency/campaigns/${r.campaign?.id ?? ''}`,
            title: title(r),
            detail: `${r.campaign?.name ?? ''} · ${r.totalRateBps === null ? '' : formatRate(r.totalRateBps)}`,
            aside: `waiting ${formatRelative(r.registeredAt, now).replace(/ ago$/, '')}`,
          }))}
        />
        <WorkCard
          id="work-samples"
          title="Samples to approve"
          count={data.samples.totalCount}
          allHref="/agency/samples"
          empty="No sample request waits for you."
          items={data.samples.edges.map(({ node: s }) => ({
            key: s.id,
            to: '/agency/samples',
            title: s.product?.title ?? 'Product',
            detail: `${s.creator?.displayName || (s.creator?.handle ? `@${s.creator.handle}` : 'Creator')} · ${s.campaignName}`,
            aside: formatRelative(s.requestedAt, now),
          }))}
        />
        <WorkCard
          id="work-changes"
          title="Pending campaign changes"
          count={changes.length}
          allHref="/agency/campaigns"
          allLabel="All campaigns"
          empty="No campaign change is pending."
          items={changes.slice(0, 5).map((c) => ({
            key: c.id,
            to: `/agency/campaigns/${c.id}`,
            title: c.name,
            detail: `Applies ${formatDateTime(c.pendingChange!.appliesAt, zone)}`,
          }))}
        />
        <WorkCard
          id="work-cancellations"
          title="Cancellation requests"
          count={data.cancellations.totalCount}
          empty="No seller asked to leave a campaign."
          items={data.cancellations.edges.map(({ node: r }) => ({
            key: r.id,
            to: `/agency/campaigns/${r.campaign?.id ?? ''}`,
            title: title(r),
            detail: r.campaign?.name ?? '',
            aside: r.cancellationRequestedAt ? formatRelative(r.cancellationRequestedAt, now) : undefined,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
