/** The seller's home: the commission it owes this month, then samples to ship, decisions on its registrations and
 * the campaigns closing soonest, every item one click from where it is done. */
import { Badge, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { SellerWorkplaceDocument } from '../../../generated/graphql';
import { queryFallback } from '../../../components/queryFallback';
import { daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { REGISTRATION_STATUS } from '../../../features/registrations/registrationStatus';
import { reasonLabel } from '../../../features/registrations/rejectReasons';
import { formatCount, formatDate, formatMoney, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';

const FROM = seriesFrom();

export function SellerWorkplace() {
  const viewer = useViewer();
  const t = useT();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  const pending = queryFallback({ data, fetching, error }, { onRetry: again, loadingLabel: t('seller.work.loading') });
  if (pending) return pending;
  if (!data) return null;

  const series = data.performanceSeries;
  const owed = daySums(series.days, series.currency, (n) => n.sellerPaidEstimated);
  const gmv = daySums(series.days, series.currency, (n) => n.gmvEstimated);

  return (
    <Stack gap="lg" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <FigureCard
          label={t('seller.work.owedMonth')}
          value={formatMoney(owed.month)}
          note={t('seller.work.todayYesterday', { today: formatMoney(owed.today), yesterday: formatMoney(owed.yesterday) })}
          to="/seller/performance"
          testId="owed-month"
        />
        <FigureCard
          label={t('seller.work.gmvMonth')}
          value={formatMoney(gmv.month)}
          note={t('seller.work.gmvToday', { amount: formatMoney(gmv.today), count: gmv.todayOrders, shown: formatCount(gmv.todayOrders) })}
          to="/seller/orders"
          testId="gmv-month"
        />
        <FigureCard
          label={t('seller.work.waiting')}
          value={formatCount(data.pending.totalCount)}
          note={t('seller.work.waitingNote')}
          to="/seller/registrations?status=PENDING&status=PENDING_CLOSED"
          testId="pending-count"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <WorkCard
          id="work-ship"
          title={t('seller.work.toShip')}
          count={data.toShip.totalCount}
          allHref="/seller/samples"
          empty={t('seller.work.toShipEmpty')}
          items={data.toShip.edges.map(({ node: s }) => ({
            key: s.id,
            to: '/seller/samples',
            title: s.product?.title ?? t('seller.work.product'),
            detail: s.campaignName,
            aside: s.reviewedAt ? t('seller.work.approvedAgo', { when: formatRelative(s.reviewedAt, now) }) : undefined,
          }))}
        />
        <WorkCard
          id="work-decisions"
          title={t('seller.work.decisions')}
          count={null}
          allHref="/seller/registrations"
          empty={t('seller.work.decisionsEmpty')}
          items={data.decided.edges.map(({ node: r }) => ({
            key: r.id,
            to: `/seller/registrations?campaign=${encodeURIComponent(r.campaign?.id ?? '')}`,
            title: r.product?.title ?? t('seller.work.product'),
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
          title={t('seller.work.closing')}
          count={null}
          allHref="/seller/marketplace"
          allLabel={t('seller.work.marketplace')}
          empty={t('seller.work.closingEmpty')}
          items={data.closing.edges.map(({ node: c }) => ({
            key: c.id,
            to: `/seller/marketplace/${c.id}`,
            title: c.name,
            detail: c.registrationOpen
              ? t('seller.work.registrationCloses', { date: formatDate(c.registrationEnd, zone) })
              : t('seller.work.ends', { date: formatDate(c.campaignEnd, zone) }),
            aside: c.myParticipation?.joined ? t('seller.work.registered', { shown: formatCount(c.myParticipation.registeredProducts) }) : undefined,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
