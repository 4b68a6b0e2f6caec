/**
 * Order filters as people pick them (a range of local days in the market's zone, a campaign, statuses) → the API's
 * OrderLineFilter (UTC instants, placed in [from, to)) and the CSV export links with the same filter.
 */
import type { OrderLineFilter, OrderLineStatus } from '../../generated/graphql';
import { wallTimeToInstant } from '../campaigns/zonedTime';
import { addDays, presetRange, type LocalRange } from '../performance/series';

export type OrderRangePreset = 'all' | '7d' | '30d' | '90d' | 'custom';

/** The range presets, in the order the screens offer them (each screen words them from its catalogue). */
export const ORDER_RANGE_PRESETS: readonly OrderRangePreset[] = ['all', '7d', '30d', '90d', 'custom'];

export interface OrderFilterValues {
  range: OrderRangePreset;
  custom: [string | null, string | null];
  campaignId: string | null;
  statuses: OrderLineStatus[];
}

export const EMPTY_ORDER_FILTERS: OrderFilterValues = { range: 'all', custom: [null, null], campaignId: null, statuses: [] };

/** The local days a filter covers (null: all time, or a custom range not fully picked). */
export function orderRange(values: OrderFilterValues, today: string): LocalRange | null {
  if (values.range === 'all') return null;
  if (values.range === 'custom') {
    const [from, to] = values.custom;
    if (!from || !to) return null;
    return from <= to ? { from, to } : { from: to, to: from };
  }
  return presetRange(values.range, today);
}

/** The API filter: local days become the UTC instants of their midnights in `timeZone` ([from, to + 1 day)). */
export function buildOrderLineFilter(values: OrderFilterValues, timeZone: string, today: string): OrderLineFilter | null {
  const filter: OrderLineFilter = {};
  const range = orderRange(values, today);
  if (range) {
    filter.from = wallTimeToInstant(`${range.from}T00:00`, timeZone);
    filter.to = wallTimeToInstant(`${addDays(range.to, 1)}T00:00`, timeZone);
  }
  if (values.campaignId) filter.campaignId = values.campaignId;
  if (values.statuses.length) filter.status = values.statuses;
  return Object.keys(filter).length ? filter : null;
}

export function anyOrderFilter(values: OrderFilterValues): boolean {
  return values.range !== 'all' || values.campaignId !== null || values.statuses.length > 0;
}

/**
 * The export route with the filter as query parameters (from, to, campaignId, status repeated); the session
 * cookie authorises the download. earnings.csv takes no status.
 */
export function exportHref(path: '/exports/orders.csv' | '/exports/earnings.csv', filter: OrderLineFilter | null): string {
  const params = new URLSearchParams();
  if (filter?.from) params.set('from', filter.from);
  if (filter?.to) params.set('to', filter.to);
  if (filter?.campaignId) params.set('campaignId', String(filter.campaignId));
  if (path === '/exports/orders.csv') for (const status of filter?.status ?? []) params.append('status', status);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
