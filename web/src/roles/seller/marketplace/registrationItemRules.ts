/**
 * The terms a seller types for each product it registers, checked before submitting: the total rate is
 * 1–80 % and at least the campaign's requirement, the sample quota a whole number ≥ 0, the optional
 * shop-ads rate 1–80 %.
 */
import { bpsToPercentText, checkPercent, RATE_MAX_BPS, RATE_MIN_BPS } from '../../../features/campaigns/percent';
import { translate } from '../../../i18n/runtime';
import { formatCount } from '../../../lib/format';

export const SAMPLE_QUOTA_MAX = 1_000_000;

export interface ItemTermsText {
  /** Percent text. */
  rate: string;
  /** Whole number text. */
  samples: string;
  /** Percent text, optional. */
  adsRate: string;
}

export type ItemField = keyof ItemTermsText;

export interface CheckedItemTerms {
  totalRateBps: number | null;
  sampleQuota: number | null;
  shopAdsRateBps: number | null;
  errors: Partial<Record<ItemField, string>>;
}

/** A whole number of units as typed: "12" → 12; null and a message otherwise. */
export function checkQuantity(text: string, { min = 0, max = SAMPLE_QUOTA_MAX }: { min?: number; max?: number } = {}): { value: number | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, error: translate('seller.itemRules.enterNumber') };
  if (!/^\d{1,7}$/.test(trimmed)) return { value: null, error: translate('seller.itemRules.wholeNumber') };
  const value = Number.parseInt(trimmed, 10);
  if (value < min) return { value, error: translate('seller.itemRules.atLeast', { min: formatCount(min) }) };
  if (value > max) return { value, error: translate('seller.itemRules.atMost', { max: formatCount(max) }) };
  return { value, error: null };
}

export function checkItemTerms(terms: ItemTermsText, commissionRequirementBps: number): CheckedItemTerms {
  const errors: CheckedItemTerms['errors'] = {};
  const rate = checkPercent(terms.rate);
  if (rate.error) errors.rate = rate.error;
  else if (rate.bps !== null && rate.bps < commissionRequirementBps)
    errors.rate = `The campaign asks for at least ${bpsToPercentText(commissionRequirementBps)} %`;
  const samples = checkQuantity(terms.samples);
  if (samples.error) errors.samples = samples.error;
  const ads = checkPercent(terms.adsRate, { required: false, min: RATE_MIN_BPS, max: RATE_MAX_BPS });
  if (ads.error) errors.adsRate = ads.error;
  return {
    totalRateBps: errors.rate ? null : rate.bps,
    sampleQuota: errors.samples ? null : samples.value,
    shopAdsRateBps: errors.adsRate ? null : ads.bps,
    errors,
  };
}

/** The form field of each input field of an item's terms. */
export const ITEM_FIELD_OF_INPUT: Readonly<Record<string, ItemField>> = { totalRateBps: 'rate', sampleQuota: 'samples', shopAdsRateBps: 'adsRate' };

/** Where a registrationCreate item error belongs: ["input","items","2","totalRateBps"] → "rate". */
export function itemErrorField(path: ReadonlyArray<string> | null | undefined): ItemField | null {
  const last = path?.[path.length - 1];
  return last !== undefined && Object.hasOwn(ITEM_FIELD_OF_INPUT, last) ? ITEM_FIELD_OF_INPUT[last]! : null;
}
