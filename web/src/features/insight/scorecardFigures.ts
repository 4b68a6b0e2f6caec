/**
 * The figures of a trust scorecard (docs/forecast.md), whichever party it describes: a shop's, an agency's or a
 * creator's card is told apart by its fields, and each figure carries its value, its sample and its period, so one
 * component shows all three cards. Tips (the party's own card only) are named by their stable code.
 */
import type { MessageKey } from '../../i18n/catalogues';
import { formatRate } from '../../lib/format';

/** Copies of the server's targets (server/services/insight/scorecards.py; tests/test_web_constants.py). */
export const SCORECARD_TARGETS = {
  SHIP_WITHIN_HOURS: 48,
  CANCELLATION_RATE_MAX_BPS: 500,
  REFUND_RATE_MAX_BPS: 1000,
  REVIEW_WITHIN_HOURS: 24,
  DECIDE_CANCELLATION_WITHIN_HOURS: 48,
  POSTING_RATE_MIN_BPS: 9000,
};

interface Period {
  sampleSize: number;
  periodStart: string;
  periodEnd: string;
}
export type ScoreDuration = Period & { hours: number | null };
export type ScoreRate = Period & { bps: number | null; part: number };

export interface SellerCard {
  sampleShipping: ScoreDuration | null;
  cancellationRequests: ScoreRate | null;
  refunds: ScoreRate | null;
}
export interface AgencyCard {
  reviewLatency: ScoreDuration | null;
  approvals: ScoreRate | null;
  cancellationDecisions: ScoreDuration | null;
}
export interface CreatorCard {
  samplesPostedOnTime: ScoreRate | null;
  refunds: ScoreRate | null;
}
export type AnyScorecard = SellerCard | AgencyCard | CreatorCard;
export type ScorecardKind = 'shop' | 'agency' | 'creator';

export type ScoreFigure =
  | { key: string; label: MessageKey; kind: 'hours'; sample: MessageKey; figure: ScoreDuration | null }
  | { key: string; label: MessageKey; kind: 'rate'; sample: MessageKey; figure: ScoreRate | null };

export function scorecardKind(card: AnyScorecard): ScorecardKind {
  if ('sampleShipping' in card) return 'shop';
  if ('reviewLatency' in card) return 'agency';
  return 'creator';
}

/** The card's figures in the order people read them (what the counterparty cares about first). */
export function scorecardFigures(card: AnyScorecard): ScoreFigure[] {
  if ('sampleShipping' in card) {
    return [
      { key: 'sampleShipping', label: 'insight.scorecard.shop.sampleShipping', kind: 'hours', sample: 'insight.scorecard.sample.samplesShipped', figure: card.sampleShipping },
      { key: 'cancellationRequests', label: 'insight.scorecard.shop.cancellationRequests', kind: 'rate', sample: 'insight.scorecard.sample.approvedRegistrations', figure: card.cancellationRequests },
      { key: 'refunds', label: 'insight.scorecard.refunds', kind: 'rate', sample: 'insight.scorecard.sample.orderLines', figure: card.refunds },
    ];
  }
  if ('reviewLatency' in card) {
    return [
      { key: 'reviewLatency', label: 'insight.scorecard.agency.reviewLatency', kind: 'hours', sample: 'insight.scorecard.sample.registrationsReviewed', figure: card.reviewLatency },
      { key: 'approvals', label: 'insight.scorecard.agency.approvals', kind: 'rate', sample: 'insight.scorecard.sample.reviewedRegistrations', figure: card.approvals },
      { key: 'cancellationDecisions', label: 'insight.scorecard.agency.cancellationDecisions', kind: 'hours', sample: 'insight.scorecard.sample.requestsDecided', figure: card.cancellationDecisions },
    ];
  }
  return [
    { key: 'samplesPostedOnTime', label: 'insight.scorecard.creator.samplesPostedOnTime', kind: 'rate', sample: 'insight.scorecard.sample.samplesDue', figure: card.samplesPostedOnTime },
    { key: 'refunds', label: 'insight.scorecard.refunds', kind: 'rate', sample: 'insight.scorecard.sample.orderLines', figure: card.refunds },
  ];
}

/** The period the card covers (every figure of a card has the same one), or null when the card has none. */
export function scorecardPeriod(card: AnyScorecard): { start: string; end: string } | null {
  const first = scorecardFigures(card).find((f) => f.figure !== null)?.figure;
  return first ? { start: first.periodStart, end: first.periodEnd } : null;
}

/** A tip's message key and values by its code; null for a code this web app does not know (the server's text is shown). */
export function tipMessage(code: string): { key: MessageKey; values: Record<string, string | number> } | null {
  const t = SCORECARD_TARGETS;
  switch (code) {
    case 'SHIP_SAMPLES_FASTER':
      return { key: 'insight.scorecard.tip.shipSamplesFaster', values: { hours: t.SHIP_WITHIN_HOURS } };
    case 'FEWER_CANCELLATIONS':
      return { key: 'insight.scorecard.tip.fewerCancellations', values: { rate: formatRate(t.CANCELLATION_RATE_MAX_BPS) } };
    case 'LOWER_REFUNDS':
      return { key: 'insight.scorecard.tip.lowerRefunds', values: { rate: formatRate(t.REFUND_RATE_MAX_BPS) } };
    case 'REVIEW_FASTER':
      return { key: 'insight.scorecard.tip.reviewFaster', values: { hours: t.REVIEW_WITHIN_HOURS } };
    case 'DECIDE_CANCELLATIONS_FASTER':
      return { key: 'insight.scorecard.tip.decideCancellationsFaster', values: { hours: t.DECIDE_CANCELLATION_WITHIN_HOURS } };
    case 'POST_ON_TIME':
      return { key: 'insight.scorecard.tip.postOnTime', values: { rate: formatRate(t.POSTING_RATE_MIN_BPS) } };
    default:
      return null;
  }
}

/** The card of a node answered by the Scorecard query (a shop, an agency or a creator) and the name to show with it. */
export function nodeCard(
  node: { id: string; scorecard?: AnyScorecard | null; name?: string | null; displayName?: string | null; handle?: string | null } | null | undefined,
): { name: string; card: AnyScorecard } | null {
  if (!node?.scorecard) return null;
  return { name: node.displayName ?? node.handle ?? node.name ?? '', card: node.scorecard };
}
