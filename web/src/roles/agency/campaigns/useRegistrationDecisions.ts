/**
 * The agency's decisions on a page of registrations: review (approve / reject / reject forever, one or many),
 * cancellation requests (close or keep, one or many) and bookmarks. Each answer shows on its rows at once
 * (showAnswers); a bulk answer that is not a single success is reported per item (results).
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationProblem, toastIfFailed } from '../../../components/mutationResult';
import type { Answer } from './useAnsweredRows';
import { REGISTRATION_STATUS } from '../../../features/registrations/registrationStatus';
import {
  BookmarkSetDocument,
  RegistrationCancellationDecideDocument,
  RegistrationCancellationsDecideDocument,
  RegistrationReviewDocument,
  type RejectReason,
  type ReviewDecision,
} from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { errorText } from '../../../i18n/serverErrors';
import type { RegistrationRowData } from './RegistrationProductCell';
import type { ReviewOutcome } from './ReviewResults';

export type BulkDecision = ReviewDecision | 'CLOSE' | 'KEEP';

/** The bulk review's summary, one ICU message per decision (counts and word order are each language's). */
const SUMMARY: Record<BulkDecision, MessageKey> = {
  APPROVE: 'campaigns.registrations.result.approved',
  REJECT: 'campaigns.registrations.result.rejected',
  REJECT_FOREVER: 'campaigns.registrations.result.rejectedForever',
  CLOSE: 'campaigns.registrations.result.closed',
  KEEP: 'campaigns.registrations.result.kept',
};

export interface RegistrationDecisionsOptions {
  rows: ReadonlyArray<RegistrationRowData>;
  showAnswers: (answered: Answer<RegistrationRowData>[]) => void;
  /** After a decision went through: clear the selection, refetch the page and the counts. */
  onDecided: () => void;
  /** After a bookmark changed (the page shows bookmarked rows only: refetch it). */
  onBookmarked: () => void;
}

export function useRegistrationDecisions({ rows, showAnswers, onDecided, onBookmarked }: RegistrationDecisionsOptions) {
  const t = useT();
  const [{ fetching: reviewing }, review] = useMutation(RegistrationReviewDocument);
  const [{ fetching: decidingMany }, decideManyMutation] = useMutation(RegistrationCancellationsDecideDocument);
  const [{ fetching: decidingOne }, decideMutation] = useMutation(RegistrationCancellationDecideDocument);
  const [, setBookmark] = useMutation(BookmarkSetDocument);
  const [rejecting, setRejecting] = useState<{ decision: 'REJECT' | 'REJECT_FOREVER'; ids: string[] } | null>(null);
  const [results, setResults] = useState<{ summary: MessageKey; outcomes: ReviewOutcome[] } | null>(null);
  const [decisionRow, setDecisionRow] = useState<RegistrationRowData | null>(null);
  const titleOf = (id: string) => rows.find((r) => r.id === id)?.product?.title ?? t('campaigns.registrations.registration');

  const runReview = async (ids: string[], decision: BulkDecision, reason: RejectReason | null = null, note: string | null = null) => {
    const result =
      decision === 'CLOSE' || decision === 'KEEP'
        ? await decideManyMutation({ input: { ids, approve: decision === 'CLOSE' } })
        : await review({ input: { ids, decision, reason, note } });
    setRejecting(null);
    const data = result.data;
    const payload = data && ('registrationReview' in data ? data.registrationReview : data.registrationCancellationsDecide);
    const problem = mutationProblem(result, payload?.userErrors);
    if (problem !== null || !payload) {
      notifications.show({ color: 'red', title: t('campaigns.registrations.nothingChanged'), message: problem ?? t('campaigns.noAnswer') });
      return;
    }
    // One row that succeeded needs no report: its badge changes in place (and the row flashes).
    const singleOk = payload.results.length === 1 && payload.results[0]!.userErrors.length === 0;
    setResults(singleOk ? null : {
      summary: SUMMARY[decision],
      outcomes: payload.results.map((r) => ({
        id: r.id,
        title: titleOf(r.id),
        ok: r.userErrors.length === 0,
        message: r.userErrors.length === 0 ? REGISTRATION_STATUS[r.registration?.status ?? 'PENDING'].label : r.userErrors.map(errorText).join(' '),
      })),
    });
    showAnswers(payload.results.flatMap((r) => (r.registration ? [r.registration] : [])));
    onDecided();
  };

  const bookmark = async (row: RegistrationRowData) => {
    const result = await setBookmark({ input: { registrationId: row.id, bookmarked: !row.bookmarked } });
    if (toastIfFailed(t('campaigns.registrations.bookmarkFailed'), result, result.data?.bookmarkSet.userErrors)) onBookmarked();
  };

  const decide = async (approve: boolean, note: string | null) => {
    if (!decisionRow) return;
    const result = await decideMutation({ input: { id: decisionRow.id, approve, note } });
    setDecisionRow(null);
    if (!toastIfFailed(t('campaigns.registrations.notDecided'), result, result.data?.registrationCancellationDecide.userErrors)) return;
    const answered = result.data?.registrationCancellationDecide.registration;
    if (answered) showAnswers([answered]);
    notifications.show({ color: 'teal', title: approve ? t('campaigns.registrations.collaborationClosed') : t('campaigns.registrations.requestDeclined'), message: decisionRow.product?.title ?? '' });
    onDecided();
  };

  return { reviewing, decidingMany, decidingOne, rejecting, setRejecting, results, setResults, decisionRow, setDecisionRow, titleOf, runReview, bookmark, decide };
}
