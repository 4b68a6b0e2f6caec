import { describe, expect, it } from 'vitest';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, exportHref, orderRange } from './orderFilters';

describe('order filters', () => {
  it('sends nothing for all orders', () => {
    expect(buildOrderLineFilter(EMPTY_ORDER_FILTERS, 'Asia/Bangkok', '2026-11-21')).toBeNull();
    expect(anyOrderFilter(EMPTY_ORDER_FILTERS)).toBe(false);
  });

  it('turns local days in the market zone into a half-open UTC range', () => {
    const filter = buildOrderLineFilter({ ...EMPTY_ORDER_FILTERS, range: '7d' }, 'Asia/Bangkok', '2026-11-21');
    // Bangkok is UTC+7: Nov 15 00:00 local is Nov 14 17:00 UTC; the range ends at Nov 22 00:00 local.
    expect(filter).toEqual({ from: '2026-11-14T17:00:00.000Z', to: '2026-11-21T17:00:00.000Z' });
  });

  it('uses a custom range only when both days are picked, in either order', () => {
    expect(orderRange({ ...EMPTY_ORDER_FILTERS, range: 'custom', custom: ['2026-11-01', null] }, '2026-11-21')).toBeNull();
    expect(orderRange({ ...EMPTY_ORDER_FILTERS, range: 'custom', custom: ['2026-11-05', '2026-11-01'] }, '2026-11-21')).toEqual({ from: '2026-11-01', to: '2026-11-05' });
  });

  it('keeps campaign and statuses', () => {
    expect(buildOrderLineFilter({ ...EMPTY_ORDER_FILTERS, campaignId: 'Q2FtcGFpZ246MQ==', statuses: ['PAID', 'SETTLED'] }, 'UTC', '2026-11-21')).toEqual({
      campaignId: 'Q2FtcGFpZ246MQ==',
      status: ['PAID', 'SETTLED'],
    });
  });
});

describe('export links', () => {
  it('carries the same filter as the screen', () => {
    const filter = { from: '2026-11-14T17:00:00.000Z', to: '2026-11-21T17:00:00.000Z', campaignId: 'Q2FtcGFpZ246MQ==', status: ['PAID' as const, 'SETTLED' as const] };
    expect(exportHref('/exports/orders.csv', filter)).toBe(
      '/exports/orders.csv?from=2026-11-14T17%3A00%3A00.000Z&to=2026-11-21T17%3A00%3A00.000Z&campaignId=Q2FtcGFpZ246MQ%3D%3D&status=PAID&status=SETTLED',
    );
    expect(exportHref('/exports/earnings.csv', filter)).toBe(
      '/exports/earnings.csv?from=2026-11-14T17%3A00%3A00.000Z&to=2026-11-21T17%3A00%3A00.000Z&campaignId=Q2FtcGFpZ246MQ%3D%3D',
    );
    expect(exportHref('/exports/orders.csv', null)).toBe('/exports/orders.csv');
  });
});
