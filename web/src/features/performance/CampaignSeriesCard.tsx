/** A campaign's daily chart (agency or seller view), live: it refetches its range when `version` goes up. */
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';

import { queryFallback } from '../../components/queryFallback';
import { CampaignPerformanceSeriesDocument } from '../../generated/graphql';
import { localDate, resolveRange, type Perspective, type RangeChoice } from './series';
import { SeriesChartCard } from './SeriesChartCard';
import { useRefetchOn } from './useLiveRefresh';
import { useNow } from './useNow';
import { useT } from '../../i18n/context';

export interface CampaignSeriesCardProps {
  campaignId: string;
  perspective: Exclude<Perspective, 'creator'>;
  currency: string;
  timeZone: string;
  campaignStart: string;
  campaignEnd: string;
  version: number;
}

export function CampaignSeriesCard({ campaignId, perspective, currency, timeZone, campaignStart, campaignEnd, version }: CampaignSeriesCardProps) {
  const t = useT();
  const now = useNow();
  const today = localDate(now, timeZone);
  const campaign = { start: localDate(campaignStart, timeZone), end: localDate(campaignEnd, timeZone) };
  const [choice, setChoice] = useState<RangeChoice>({ preset: '30d', custom: [null, null] });
  const { range } = resolveRange(choice, today, campaign);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CampaignPerformanceSeriesDocument,
    variables: { campaignId, from: range?.from ?? null, to: range?.to ?? null },
    pause: range === null,
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const series = data?.campaignPerformanceSeries;

  return (
    <SeriesChartCard
      perspective={perspective}
      currency={series?.currency ?? currency}
      timeZone={series?.timeZone ?? timeZone}
      today={today}
      campaign={campaign}
      choice={choice}
      onChoiceChange={setChoice}
      days={series?.days ?? null}
      fetching={fetching && Boolean(data)}
      status={queryFallback({ data, fetching, error }, { onRetry: reload, errorTitle: t('insight.perf.chartError'), loadingLabel: t('insight.perf.loadingChart'), loadingMinHeight: 280 }) ?? undefined}
    />
  );
}
