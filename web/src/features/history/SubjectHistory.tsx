/**
 * The terms history of each subject, loaded when shown and refetched on the subject's existing live events (and
 * after a reconnect): campaignChanged for a campaign, showcaseChanged for the creator's entry, sampleStatusChanged
 * for a sample request.
 */
import { useCallback } from 'react';
import { useQuery, type TypedDocumentNode, type UseQueryState } from 'urql';
import { ErrorState, LoadingState } from '../../components/QueryState';
import {
  CampaignHistoryDocument,
  SampleRequestHistoryDocument,
  ShowcaseEntryHistoryDocument,
  type CampaignHistoryQuery,
  type SampleRequestHistoryQuery,
  type ShowcaseEntryHistoryQuery,
} from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { useCampaignEvents } from '../campaigns/useCampaignEvents';
import { useSampleEvents } from '../samples/useSampleEvents';
import { useShowcaseEvents } from '../showcase/useShowcaseEvents';
import { TermsHistoryList, type TermsEventItem } from './TermsHistory';

interface Props {
  id: string;
  timeZone: string;
}

function useHistory<Q>(query: TypedDocumentNode<Q, { id: string }>, id: string, pick: (data: Q) => ReadonlyArray<TermsEventItem> | null | undefined) {
  const [result, refetch] = useQuery({ query, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return { result, reload, events: result.data ? (pick(result.data) ?? []) : null };
}

function Shown({ result, events, reload, timeZone, testId }: { result: UseQueryState; events: ReadonlyArray<TermsEventItem> | null; reload: () => void; timeZone: string; testId: string }) {
  const t = useT();
  if (result.error && !result.data) return <ErrorState error={result.error} onRetry={reload} />;
  if (events === null) return <LoadingState label={t('history.loading')} />;
  return <TermsHistoryList events={events} timeZone={timeZone} testId={testId} />;
}

export function CampaignHistory({ id, timeZone }: Props) {
  const h = useHistory<CampaignHistoryQuery>(CampaignHistoryDocument, id, (d) => d.campaign?.history);
  useCampaignEvents(h.reload, id);
  return <Shown {...h} timeZone={timeZone} testId="campaign-history" />;
}

export function ShowcaseEntryHistory({ id, timeZone }: Props) {
  const h = useHistory<ShowcaseEntryHistoryQuery>(ShowcaseEntryHistoryDocument, id, (d) => (d.node?.__typename === 'ShowcaseEntry' ? d.node.history : null));
  useShowcaseEvents(h.reload);
  return <Shown {...h} timeZone={timeZone} testId="showcase-history" />;
}

export function SampleRequestHistory({ id, timeZone }: Props) {
  const h = useHistory<SampleRequestHistoryQuery>(SampleRequestHistoryDocument, id, (d) => (d.node?.__typename === 'SampleRequest' ? d.node.history : null));
  useSampleEvents(h.reload);
  return <Shown {...h} timeZone={timeZone} testId="sample-history" />;
}
