/** The seller's home: the commission it owes this month, then samples to ship, decisions on its registrations and
 * the campaigns closing soonest, every item one click from where it is done. */
import { Badge, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { SellerWorkplaceDocument } from '../../../generated/graphql';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { REGISTRATION_STATUS } from '../../../features/registrations/registrationStatus';
import { reasonLabel } from '../../../features/registrations/rejectReasons';
import { formatCount, formatDate, formatMoney, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';

const FROM = seriesFrom();

export function SellerWorkplace() {
  const viewer = useViewer();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  if (error && !data) return <ErrorState error={error} onRetry={again} />;
  if (fetching && !data) return <LoadingState label="Loading your work…" />;
  if (!data) return null;

  const series = data.performanceSeries;
  const owed = daySums(series.days, series.currency, (n) => n.sellerPaidEstimated);
  const gmv = daySums(series.days, series.currency, (n) => n.gmvEstimated);

  return (
    <Stack gap="lg" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <FigureCard
          label="Commission owed this month"
          value={formatMoney(owed.month)}
          note={`Today ${formatMoney(owed.today)} · yesterday ${formatMoney(owed.yesterday)}`}
          to="/seller/performance"
          testId="owed-month"
        />
        <FigureCard
          label="GMV this month"
          value={formatMoney(gmv.month)}
          note={`Today ${formatMoney(gmv.today)} from ${formatCount(gmv.todayOrders)} paid ${gmv.todayOrders === 1 ? "order" : "orders"}`}
          to="/seller/orders"
          testId="gmv-month"
        />
        <FigureCard
          label="Waiting for agencies"
          value={formatCount(data.pending.totalCount)}
          note="Registrations and cancellation requests under review"
          to="/seller/registrations?status=PENDING&status=PENDING_CLOSED"
          testId="pending-count"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <WorkCard
          id="work-ship"
          title="Samples to ship"
          count={data.toShip.totalCount}
          allHref="/seller/samples"
          empty="No approved sample waits to be shipped."
          items={data.toShip.edges.map(({ node: s }) => ({
            key: s.id,
            to: '/seller/samples',
            title: s.product?.title ?? 'Product',
            detail: s.campaignName,
            aside: s.reviewedAt ? `approved ${formatRelative(s.reviewedAt, now)}` : undefined,
          }))}
        />
        <WorkCard
          id="work-decisions"
          title="Decisions on your registrations"
          count={null}
          allHref="/seller/registrations"
          empty="No agency has decided on a registration yet."
          items={data.decided.edges.map(({ node: r }) => ({
            key: r.id,
            to: `/seller/registrations?campaign=${encodeURIComponent(r.campaign?.id ?? '')}`,
            title: r.product?.title ?? 'Product',
            detail: [r.campaign?.name, reasonLabel(r.rejectReason)].filter(Boolean).join(' · '),
            aside: (
              <Badge component="span" variant="light" color={REGISTRATION_STATUS[r.status].color} size="sm">
                {REGISTRATION_STATUS[r.status].label}
              </Badge>
            ),
          }))}
        />
        <WorkCard
          id="work-closing"
          title="Campaigns closing soon"
          count={null}
          allHref="/seller/marketplace"
          allLabel="Marketplace"
          empty="No ongoing campaign in your market."
          items={data.closing.edges.map(({ node: c }) => ({
            key: c.id,
            to: `/seller/marketplace/${c.id}`,
            title: c.name,
            detail: c.registrationOpen
              ? `Registration closes ${formatDate(c.registrationEnd, zone)}`
              : `Ends ${formatDate(c.campaignEnd, zone)}`,
            aside: c.myParticipation?.joined ? `${formatCount(c.myParticipation.registeredProducts)} registered` : undefined,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
