/** The agency's home: today's numbers against yesterday, then each pile of work, every item one click from where it is done. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { AgencyWorkplaceDocument } from '../../../generated/graphql';
import { queryFallback } from '../../../components/queryFallback';
import { countDelta, daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { formatCount, formatDateTime, formatMoney, formatRate, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';

const FROM = seriesFrom();

export function AgencyWorkplace() {
  const viewer = useViewer();
  const t = useT();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  const pending = queryFallback({ data, fetching, error }, { onRetry: again, loadingLabel: t('agencyHome.loadingWork') });
  if (pending) return pending;
  if (!data) return null;

  const series = data.performanceSeries;
  const gmv = daySums(series.days, series.currency, (n) => n.gmvEstimated);
  const earned = daySums(series.days, series.currency, (n) => n.agencyCommissionEstimated);
  const changes = data.campaigns.edges.map((e) => e.node).filter((c) => c.pendingChange);
  const title = (r: { product: { title: string } | null; shop: { name: string | null } | null }) =>
    `${r.product?.title ?? t('agencyHome.product')} · ${r.shop?.name ?? t('agencyHome.shop')}`;

  return (
    <Stack gap="lg" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-label={t('agencyHome.todayVsYesterday')}>
        <FigureCard
          label={t('agencyHome.ordersToday')}
          value={formatCount(gmv.todayOrders)}
          note={t('agencyHome.ordersDelta', { delta: countDelta(gmv.todayOrders, gmv.yesterdayOrders), yesterday: formatCount(gmv.yesterdayOrders) })}
          to="/agency/orders"
          testId="today-orders"
        />
        <FigureCard
          label={t('agencyHome.gmvToday')}
          value={formatMoney(gmv.today)}
          note={t('agencyHome.yesterday', { amount: formatMoney(gmv.yesterday) })}
          to="/agency/orders"
          testId="today-gmv"
        />
        <FigureCard
          label={t('agencyHome.commissionToday')}
          value={formatMoney(earned.today)}
          note={t('agencyHome.commissionNote', { yesterday: formatMoney(earned.yesterday), month: formatMoney(earned.month) })}
          to="/agency/orders"
          testId="today-commission"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <WorkCard
          id="work-registrations"
          title={t('agencyHome.registrations')}
          count={data.waiting.totalCount}
          empty={t('agencyHome.registrationsEmpty')}
          items={data.waiting.edges.map(({ node: r }) => ({
            key: r.id,
            to: `/agency/campaigns/${r.campaign?.id ?? ''}`,
            title: title(r),
            detail: `${r.campaign?.name ?? ''} · ${r.totalRateBps === null ? '' : formatRate(r.totalRateBps)}`,
            aside: t('agencyHome.registered', { when: formatRelative(r.registeredAt, now) }),
          }))}
        />
        <WorkCard
          id="work-samples"
          title={t('agencyHome.samples')}
          count={data.samples.totalCount}
          allHref="/agency/samples"
          empty={t('agencyHome.samplesEmpty')}
          items={data.samples.edges.map(({ node: s }) => ({
            key: s.id,
            to: '/agency/samples',
            title: s.product?.title ?? t('agencyHome.product'),
            detail: `${s.creator?.displayName || (s.creator?.handle ? `@${s.creator.handle}` : t('agencyHome.creator'))} · ${s.campaignName}`,
            aside: formatRelative(s.requestedAt, now),
          }))}
        />
        <WorkCard
          id="work-changes"
          title={t('agencyHome.changes')}
          count={changes.length}
          allHref="/agency/campaigns"
          allLabel={t('agencyHome.allCampaigns')}
          empty={t('agencyHome.changesEmpty')}
          items={changes.slice(0, 5).map((c) => ({
            key: c.id,
            to: `/agency/campaigns/${c.id}`,
            title: c.name,
            detail: t('agencyHome.applies', { date: formatDateTime(c.pendingChange!.appliesAt, zone) }),
          }))}
        />
        <WorkCard
          id="work-cancellations"
          title={t('agencyHome.cancellations')}
          count={data.cancellations.totalCount}
          empty={t('agencyHome.cancellationsEmpty')}
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
