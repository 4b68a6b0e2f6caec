/** Pure helpers for the per-line receipt: the market zone of a line, its commission rows per party. */
import type { Currency } from '../../generated/graphql';
import type { MoneyLike } from '../../lib/format';
import { MARKETS } from '../../lib/markets';

/** The zone to show a line's times in: its market's (each currency belongs to exactly one market). */
export function currencyTimeZone(currency: Currency | string): string {
  return Object.values(MARKETS).find((m) => m.currency === currency)?.timeZone ?? 'UTC';
}

export type Party = 'seller' | 'creator' | 'agency';

export interface ReceiptAmountsLike {
  seller: MoneyLike | null;
  creator: MoneyLike | null;
  agency: MoneyLike | null;
}

export interface PartyRow {
  party: Party;
  firstEstimate: MoneyLike | null;
  estimated: MoneyLike | null;
  actual: MoneyLike | null;
  dueNow: MoneyLike | null;
}

/**
 * One row per party whose amount the viewer may see (the API answers null for the others): the seller sees what it
 * pays, a creator its own earnings, the agency all three.
 */
export function partyRows(receipt: {
  firstEstimate: ReceiptAmountsLike | null;
  estimated: ReceiptAmountsLike;
  actual: ReceiptAmountsLike | null;
  dueNow: ReceiptAmountsLike;
}): PartyRow[] {
  return (['seller', 'creator', 'agency'] as const)
    .filter((party) => receipt.dueNow[party] !== null || receipt.estimated[party] !== null)
    .map((party) => ({
      party,
      firstEstimate: receipt.firstEstimate?.[party] ?? null,
      estimated: receipt.estimated[party],
      actual: receipt.actual?.[party] ?? null,
      dueNow: receipt.dueNow[party],
    }));
}
