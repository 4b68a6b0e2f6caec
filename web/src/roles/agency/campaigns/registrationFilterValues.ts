/**
 * The agency's registration filters as typed (prices as decimal text in the campaign currency, rates as
 * percent text, registration days in the campaign market's zone) → the API's RegistrationFilter, with a message
 * for each range that cannot be used (registrationFilters.* messages, in the language in use).
 */
import type { RegistrationFilter, RegistrationSortField, RegistrationStatus, SortDirection } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { translate } from '../../../i18n/runtime';
import { CURRENCY_EXPONENT } from '../../../lib/format';
import { parsePercent } from '../../../features/campaigns/percent';
import { wallTimeToInstant } from '../../../features/campaigns/zonedTime';

export type ContentFilter = 'ANY' | 'WITH' | 'WITHOUT';

export interface RegistrationFilterValues {
  statuses: RegistrationStatus[];
  bookmarkedOnly: boolean;
  category: string | null;
  minPrice: string;
  maxPrice: string;
  minRate: string;
  maxRate: string;
  search: string;
  /** Posted content (videos, LIVEs): any, with, without. */
  content: ContentFilter;
  /** Registered on or after this day (YYYY-MM-DD, market time); '' for no bound. */
  registeredFrom: string;
  /** Registered on or before this day (YYYY-MM-DD, market time); '' for no bound. */
  registeredTo: string;
}

export const EMPTY_REGISTRATION_FILTERS: RegistrationFilterValues = {
  statuses: [],
  bookmarkedOnly: false,
  category: null,
  minPrice: '',
  maxPrice: '',
  minRate: '',
  maxRate: '',
  search: '',
  content: 'ANY',
  registeredFrom: '',
  registeredTo: '',
};

export type RangeField = 'minPrice' | 'maxPrice' | 'minRate' | 'maxRate' | 'registeredTo';

const DAY_MS = 86_400_000;

/** A day in the zone → the instant it starts (and `next`: the instant the following day starts). */
function dayStart(day: string, timeZone: string, next = false): string | null {
  const instant = wallTimeToInstant(`${day}T00:00`, timeZone);
  if (!instant || !next) return instant;
  const following = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return wallTimeToInstant(`${following}T00:00`, timeZone);
}

export interface BuiltRegistrationFilter {
  filter: RegistrationFilter;
  errors: Partial<Record<RangeField, string>>;
}

const PRICE_RE = /^\d+(?:\.(\d*))?$/;

/** "12.5" → "12.5" (a plain non-negative decimal with at most the currency's decimals), or an error message. */
export function checkPrice(text: string, currency: string): { value: string | null; error: string | null } {
  const trimmed = text.trim().replace(/,/g, '');
  if (!trimmed) return { value: null, error: null };
  const m = PRICE_RE.exec(trimmed);
  if (!m) return { value: null, error: translate('campaigns.registrationFilters.amount') };
  const decimals = CURRENCY_EXPONENT[currency] ?? 2;
  if ((m[1] ?? '').length > decimals)
    return { value: null, error: decimals === 0 ? translate('campaigns.registrationFilters.noDecimals', { currency }) : translate('campaigns.registrationFilters.atMostDecimals', { count: decimals }) };
  return { value: trimmed.replace(/\.$/, ''), error: null };
}

function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, '0'));
  const y = BigInt(bi + bf.padEnd(width, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function buildRegistrationFilter(
  values: RegistrationFilterValues,
  campaignId: string | null,
  currency: string,
  timeZone = 'UTC',
): BuiltRegistrationFilter {
  const errors: BuiltRegistrationFilter['errors'] = {};
  const minPrice = checkPrice(values.minPrice, currency);
  const maxPrice = checkPrice(values.maxPrice, currency);
  if (minPrice.error) errors.minPrice = minPrice.error;
  if (maxPrice.error) errors.maxPrice = maxPrice.error;
  if (minPrice.value && maxPrice.value && compareDecimal(minPrice.value, maxPrice.value) > 0) errors.maxPrice = translate('campaigns.registrationFilters.belowMinimum');

  const rate = (text: string, field: 'minRate' | 'maxRate'): number | null => {
    const parsed = parsePercent(text);
    if (parsed.status === 'invalid') errors[field] = parsed.message;
    return parsed.status === 'ok' ? parsed.bps : null;
  };
  const minRate = rate(values.minRate, 'minRate');
  const maxRate = rate(values.maxRate, 'maxRate');
  if (minRate !== null && maxRate !== null && minRate > maxRate) errors.maxRate = translate('campaigns.registrationFilters.belowMinimum');

  const registeredFrom = values.registeredFrom ? dayStart(values.registeredFrom, timeZone) : null;
  const registeredTo = values.registeredTo ? dayStart(values.registeredTo, timeZone, true) : null;
  if (registeredFrom && registeredTo && registeredTo <= registeredFrom) errors.registeredTo = translate('campaigns.registrationFilters.beforeFirstDay');

  const search = values.search.trim();
  return {
    filter: {
      campaignId,
      status: values.statuses.length ? values.statuses : null,
      bookmarked: values.bookmarkedOnly ? true : null,
      category: values.category,
      minPrice: errors.minPrice ? null : minPrice.value,
      maxPrice: errors.maxPrice ? null : maxPrice.value,
      minRateBps: errors.minRate ? null : minRate,
      maxRateBps: errors.maxRate ? null : maxRate,
      search: search || null,
      hasContent: values.content === 'ANY' ? null : values.content === 'WITH',
      registeredFrom,
      registeredTo: errors.registeredTo ? null : registeredTo,
    },
    errors,
  };
}

export interface RegistrationSortOption {
  value: string;
  /** A message key: t(label). */
  label: MessageKey;
  field: RegistrationSortField;
  direction: SortDirection;
}

export const REGISTRATION_SORTS: ReadonlyArray<RegistrationSortOption> = [
  { value: 'registered-desc', label: 'campaigns.registrationFilters.sort.newest', field: 'REGISTERED_AT', direction: 'DESC' },
  { value: 'registered-asc', label: 'campaigns.registrationFilters.sort.oldest', field: 'REGISTERED_AT', direction: 'ASC' },
  { value: 'rate-desc', label: 'campaigns.registrationFilters.sort.rateHigh', field: 'TOTAL_RATE', direction: 'DESC' },
  { value: 'rate-asc', label: 'campaigns.registrationFilters.sort.rateLow', field: 'TOTAL_RATE', direction: 'ASC' },
  { value: 'price-desc', label: 'campaigns.registrationFilters.sort.priceHigh', field: 'PRICE', direction: 'DESC' },
  { value: 'price-asc', label: 'campaigns.registrationFilters.sort.priceLow', field: 'PRICE', direction: 'ASC' },
];
