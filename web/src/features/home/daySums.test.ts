import { describe, expect, it } from 'vitest';
import { countDelta, daySums, seriesFrom } from './daySums';

const day = (date: string, amount: string | null, paidOrders = 1) => ({
  date,
  numbers: { paidOrders, commission: amount === null ? null : { amount, currency: 'THB' } },
});

describe('daySums', () => {
  const days = [day('2026-11-29', '5.00'), day('2026-11-30', '1.25', 2), day('2026-12-01', '0.10'), day('2026-12-02', null, 0), day('2026-12-03', '2.05', 3)];

  it('reads today, yesterday and the month so far from the last day', () => {
    const sums = daySums(days, 'THB', (n) => n.commission);
    expect(sums).toEqual({
      today: { amount: '2.05', currency: 'THB' },
      yesterday: { amount: '0.00', currency: 'THB' },
      month: { amount: '2.15', currency: 'THB' },
      todayOrders: 3,
      yesterdayOrders: 0,
      date: '2026-12-03',
    });
  });

  it('is zero for an empty series', () => {
    expect(daySums([], 'VND', () => null).month).toEqual({ amount: '0', currency: 'VND' });
  });
});

describe('countDelta', () => {
  it('signs the difference', () => {
    expect([countDelta(5, 2), countDelta(1, 4), countDelta(3, 3)]).toEqual(['+3', '−3', '±0']);
  });
});

describe('seriesFrom', () => {
  it('goes back 40 days, so a whole month and yesterday are always in the series', () => {
    expect(seriesFrom(new Date('2026-12-31T23:00:00Z'))).toBe('2026-11-21');
  });
});
