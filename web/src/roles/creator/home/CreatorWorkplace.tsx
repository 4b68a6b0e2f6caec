/** The creator's home on a phone: earnings first (today, this month, the next payout), then the best offers and the
 * content deadlines, every item one tap from where it is done. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { CreatorWorkplaceDocument } from '../../../generated/graphql';
import { queryFallback } from '../../../components/queryFallback';
import { daySums, seriesFrom } from '../../../features/home/daySums';
import { FigureCard } from '../../../features/home/FigureCard';
import { WorkCard } from '../../../features/home/WorkCard';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { useNow } from '../../../features/performance/useNow';
import { SAMPLE_STATUS } from '../../../features/samples/sampleStatus';
import { formatCount, formatDate, formatMoney, formatRate, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';
import { useT } from '../../../i18n/context';

const FROM = seriesFrom();

export function CreatorWorkplace() {
  const viewer = useViewer();
  const t = useT();
  const zone = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorWorkplaceDocument, variables: { from: FROM } });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const now = useNow();
  useRefetchOnReconnect(again);
  useRefetchOnNotification(again);
  const pending = queryFallback({ data, fetching, error }, { onRetry: again, loadingLabel: t('creator.earnings.loading') });
  if (pending) return pending;
  if (!data) return null;

  const series = data.creatorPerformanceSeries;
  const earned = daySums(series.days, series.currency, (n) => n.creatorCommissionEstimated);
  const home = data.earnings.find((e) => e.currency === series.currency) ?? data.earnings[0];

  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm">
        <FigureCard
          label={t('creator.work.earnedToday')}
          value={formatMoney(earned.today)}
          note={t('creator.work.earnedTodayNote', { count: earned.todayOrders, shown: formatCount(earned.todayOrders), yesterday: formatMoney(earned.yesterday) })}
          to="/creator/earnings"
          testId="earned-today"
          big
        />
        <FigureCard label={t('creator.work.thisMonth')} value={formatMoney(earned.month)} note={t('creator.work.thisMonthNote')} to="/creator/earnings" testId="earned-month" big />
      </SimpleGrid>
      {home && (
        <FigureCard
          label={t('creator.work.nextPayout')}
          value={formatMoney(home.billed ?? { amount: '0', currency: home.currency })}
          note={t('creator.work.nextPayoutNote', { amount: formatMoney(home.settledUnbilled ?? { amount: '0', currency: home.currency }) })}
          to="/creator/earnings/payouts"
          testId="next-payout"
        />
      )}
      <WorkCard
        id="work-offers"
        title={t('creator.work.bestOffers')}
        count={null}
        allHref="/creator/offers"
        allLabel={t('creator.work.allOffers')}
        empty={t('creator.work.bestOffersEmpty')}
        items={data.commissionOffers.map((p) => ({
          key: p.product?.id ?? String(p.bestRateBps),
          to: '/creator/offers',
          title: p.product?.title ?? t('creator.showcase.productFallback'),
          detail: p.offers[0] ? t('creator.work.offerDetail', { campaign: p.offers[0].campaignName, date: formatDate(p.offers[0].campaignEnd, zone) }) : undefined,
          aside: p.activeRateBps === null ? formatRate(p.bestRateBps) : t('creator.work.rateYours', { rate: formatRate(p.bestRateBps), yours: formatRate(p.activeRateBps) }),
        }))}
      />
      <WorkCard
        id="work-deadlines"
        title={t('creator.work.deadlines')}
        count={data.deadlines.totalCount}
        allHref="/creator/samples"
        empty={t('creator.work.deadlinesEmpty')}
        items={data.deadlines.edges.map(({ node: s }) => ({
          key: s.id,
          to: '/creator/samples',
          title: s.product?.title ?? t('creator.showcase.productFallback'),
          detail: s.contentDueAt
            ? t('creator.work.contentDue', { relative: formatRelative(s.contentDueAt, now), date: formatDate(s.contentDueAt, zone) })
            : SAMPLE_STATUS[s.status].description,
          aside: SAMPLE_STATUS[s.status].label,
        }))}
      />
    </Stack>
  );
}
