import type { Market } from '../generated/graphql';
import { intlTag, isLocaleCode } from '../i18n/locales';
import { activeLocale } from '../i18n/runtime';

export interface MarketInfo {
  code: Market;
  /** The country's name in the language in use (Intl.DisplayNames; read each time, so a language switch shows). */
  readonly name: string;
  currency: string;
  /** The zone business dates are shown in for this market. */
  timeZone: string;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A region's name in `locale` from the browser's own data (no catalogue bytes), or null when Intl lacks it. */
export function regionName(code: string, locale: string): string | null {
  const tag = isLocaleCode(locale) ? intlTag(locale) : locale;
  if (!displayNames.has(tag)) {
    try {
      displayNames.set(tag, new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(tag, null);
    }
  }
  try {
    return displayNames.get(tag)?.of(code) ?? null;
  } catch {
    return null;
  }
}

/** `english` is the fallback for a browser whose Intl does not know the code. */
function market(code: Market, english: string, currency: string, timeZone: string): MarketInfo {
  return {
    code,
    get name() {
      return regionName(code, activeLocale() ?? 'en') ?? english;
    },
    currency,
    timeZone,
  };
}

export const MARKETS: Readonly<Record<Market, MarketInfo>> = {
  ID: market('ID', 'Indonesia', 'IDR', 'Asia/Jakarta'),
  MY: market('MY', 'Malaysia', 'MYR', 'Asia/Kuala_Lumpur'),
  PH: market('PH', 'Philippines', 'PHP', 'Asia/Manila'),
  TH: market('TH', 'Thailand', 'THB', 'Asia/Bangkok'),
  VN: market('VN', 'Vietnam', 'VND', 'Asia/Ho_Chi_Minh'),
  GB: market('GB', 'United Kingdom', 'GBP', 'Europe/London'),
  US: market('US', 'United States', 'USD', 'America/Los_Angeles'),
};

export function marketName(code: Market | null | undefined): string {
  return code ? (MARKETS[code]?.name ?? code) : '—';
}

/** The zone to show times in: the market's, or UTC when the organisation has none (the platform operator). */
export function marketTimeZone(code: Market | null | undefined): string {
  return code ? (MARKETS[code]?.timeZone ?? 'UTC') : 'UTC';
}
