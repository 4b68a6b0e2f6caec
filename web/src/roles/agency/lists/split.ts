/**
 * The three-way split of a seller's total commission rate: the agency chooses the creator's rate out of the
 * total and keeps the rest (docs/domain.md). Rates are integer basis points; money is integer minor units with
 * the server's per-line half-up rounding: seller pays = round(price × total), creator earns =
 * round(price × creator), agency earns = seller pays − creator earns — so the two parts always add up.
 */
import { bpsToPercentText, checkPercent, RATE_MAX_BPS, RATE_MIN_BPS } from '../../../features/campaigns/percent';
import { applyRate, fromMinorUnits, toMinorUnits } from '../../../features/registrations/costPreview';
import { translate } from '../../../i18n/runtime';
import { formatRate, type MoneyLike } from '../../../lib/format';

export interface SplitMoney {
  /** What the seller pays in commission on one unit sold at the price. */
  sellerPays: MoneyLike;
  creatorEarns: MoneyLike;
  agencyEarns: MoneyLike;
}

export interface Split {
  totalBps: number;
  creatorBps: number;
  /** total − creator: what the agency keeps (never stored, always derived). */
  agencyBps: number;
  /** Per unit at the product's price; null when the price is unknown. */
  money: SplitMoney | null;
}

export function splitRate(totalBps: number, creatorBps: number, price: MoneyLike | null = null): Split {
  if (!Number.isSafeInteger(totalBps) || !Number.isSafeInteger(creatorBps)) {
    throw new RangeError(`Rates must be integer basis points: ${totalBps}, ${creatorBps}`);
  }
  const agencyBps = totalBps - creatorBps;
  if (!price) return { totalBps, creatorBps, agencyBps, money: null };
  const base = toMinorUnits(price);
  const seller = applyRate(base, totalBps);
  const creator = applyRate(base, creatorBps);
  return {
    totalBps,
    creatorBps,
    agencyBps,
    money: {
      sellerPays: fromMinorUnits(seller, price.currency),
      creatorEarns: fromMinorUnits(creator, price.currency),
      agencyEarns: fromMinorUnits(seller - creator, price.currency),
    },
  };
}

/** The highest creator rate a product allows: its total rate, within the domain's 1 %–80 %. */
export function maxCreatorBps(totalBps: number): number {
  return Math.min(totalBps, RATE_MAX_BPS);
}

/** Why a creator rate is not allowed for a product with this total rate, or null. */
export function creatorRateError(creatorBps: number, totalBps: number): string | null {
  if (creatorBps < RATE_MIN_BPS) return translate('agency.split.creatorAtLeast', { rate: formatRate(RATE_MIN_BPS) });
  if (creatorBps > RATE_MAX_BPS) return translate('agency.split.creatorAtMost', { rate: formatRate(RATE_MAX_BPS) });
  if (creatorBps > totalBps) return translate('agency.split.atMostTotal', { rate: formatRate(totalBps) });
  return null;
}

/** The two linked text fields of the calculator and the creator rate they stand for. */
export interface SplitFields {
  creatorText: string;
  agencyText: string;
  /** The creator rate both fields agree on; null while the edited one is empty or invalid. */
  creatorBps: number | null;
  /** The message for the field being edited. */
  error: string | null;
}

export function fieldsFromCreatorBps(creatorBps: number, totalBps: number): SplitFields {
  return {
    creatorText: bpsToPercentText(creatorBps),
    agencyText: bpsToPercentText(totalBps - creatorBps),
    creatorBps,
    error: creatorRateError(creatorBps, totalBps),
  };
}

/** The creator field was edited: the agency field follows when the text is a valid rate. */
export function editCreatorText(text: string, previous: SplitFields, totalBps: number): SplitFields {
  const { bps, error } = checkPercent(text, { min: 0, max: 10_000 });
  if (bps === null || error) return { ...previous, creatorText: text, creatorBps: null, error: error ?? 'Enter a rate' };
  return {
    creatorText: text,
    agencyText: bpsToPercentText(totalBps - bps),
    creatorBps: bps,
    error: creatorRateError(bps, totalBps),
  };
}

/** The agency field was edited: the creator rate is what is left of the total. */
export function editAgencyText(text: string, previous: SplitFields, totalBps: number): SplitFields {
  const { bps, error } = checkPercent(text, { min: 0, max: 10_000 });
  if (bps === null || error) return { ...previous, agencyText: text, creatorBps: null, error: error ?? translate('agency.split.enterShare') };
  if (bps > totalBps) {
    return { ...previous, agencyText: text, creatorBps: null, error: translate('agency.split.atMostTotal', { rate: formatRate(totalBps) }) };
  }
  const creatorBps = totalBps - bps;
  return {
    creatorText: bpsToPercentText(creatorBps),
    agencyText: text,
    creatorBps,
    error: creatorRateError(creatorBps, totalBps),
  };
}

/** How a re-price reaches creators who already have the product (docs/domain.md: 30-day lock on decreases). */
export type RepriceEffect = 'none' | 'increase' | 'decrease';

export function repriceEffect(fromBps: number, toBps: number): RepriceEffect {
  if (toBps === fromBps) return 'none';
  return toBps > fromBps ? 'increase' : 'decrease';
}

export const RATE_DECREASE_LOCK_DAYS = 30;
