import type { Market } from '../generated/graphql';

export interface MarketInfo {
  code: Market;
  name: string;
  currency: string;
  /** The zone business dates are shown in for this market. */
  timeZone: string;
}

export const MARKETS: Readonly<Record<Market, MarketInfo>> = {
  ID: { code: 'ID', name: 'Indonesia', currency: 'IDR', timeZone: 'Asia/Jakarta' },
  MY: { code: 'MY', name: 'Malaysia', currency: 'MYR', timeZone: 'Asia/Kuala_Lumpur' },
  PH: { code: 'PH', name: 'Philippines', currency: 'PHP', timeZone: 'Asia/Manila' },
  TH: { code: 'TH', name: 'Thailand', currency: 'THB', timeZone: 'Asia/Bangkok' },
  VN: { code: 'VN', name: 'Vietnam', currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh' },
  GB: { code: 'GB', name: 'United Kingdom', currency: 'GBP', timeZone: 'Europe/London' },
  US: { code: 'US', name: 'United States', currency: 'USD', timeZone: 'America/Los_Angeles' },
};

export function marketName(code: Market | null | undefined): string {
  return code ? (MARKETS[code]?.name ?? code) : '—';
}

/** The zone to show times in: the market's, or UTC when the organisation has none (the platform operator). */
export function marketTimeZone(code: Market | null | undefined): string {
  return code ? (MARKETS[code]?.timeZone ?? 'UTC') : 'UTC';
}
