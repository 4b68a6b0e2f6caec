import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketDays,
  bucketMoney,
  bucketSizeFor,
  chartRows,
  daysInRange,
  formatLocalDate,
  formatLocalRange,
  hasActivity,
  localDate,
  presetRange,
  rangeProblem,
  resolveRange,
  seriesFor,
  totalOf,
  type SeriesDay,
} from './series';

function day(date: string, paid: number, gmv: string, agency: string | null = '1.00'): SeriesDay {
  const thb = (amount: string) => ({ amount, currency: 'THB' });
  return {
    date,
    numbers: {
      paidOrders: paid,
      actualOrders: 0,
      gmvEstimated: thb(gmv),
      gmvActual: thb('0.00'),
      sellerPaidEstimated: thb('0.00'),
      sellerPaidActual: thb('0.00'),
      creatorCommissionEstimated: thb('0.00'),
      creatorCommissionActual: thb('0.00'),
      agencyCommissionEstimated: agency === null ? null : thb(agency),
      agencyCommissionActual: thb('0.00'),
    },
  };
}

function days(from: string, n: number): SeriesDay[] {
  return Array.from({ length: n }, (_, i) => day(addDays(from, i), i % 3, '0.10'));
}

describe('local dates', () => {
  it('does calendar arithmetic across months and leap days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysInRange({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
  });

  it('reads the date of an instant in the market zone, not the browser zone', () => {
    expect(localDate('2026-11-20T18:00:00Z', 'Asia/Bangkok')).toBe('2026-11-21');
    expect(localDate('2026-11-20T06:00:00Z', 'America/Los_Angeles')).toBe('2026-11-19');
  });

  it('labels days and ranges', () => {
    expect(formatLocalDate('2026-11-03')).toBe('Nov 3');
    expect(formatLocalDate('2026-11-03', { withYear: true })).toBe('Nov 3, 2026');
    expect(formatLocalRange({ from: '2026-11-03', to: '2026-11-09' })).toBe('Nov 3 – Nov 9');
    expect(formatLocalRange({ from: '2026-11-03', to: '2026-11-03' })).toBe('Nov 3');
  });
});

describe('ranges', () => {
  it('ends presets today', () => {
    expect(presetRange('7d', '2026-11-21')).toEqual({ from: '2026-11-15', to: '2026-11-21' });
    expect(presetRange('30d', '2026-11-21')).toEqual({ from: '2026-10-23', to: '2026-11-21' });
    expect(presetRange('90d', '2026-11-21')).toEqual({ from: '2026-08-24', to: '2026-11-21' });
  });

  it('ends at the campaign last day once it has ended, and covers the campaign at most 366 days', () => {
    const campaign = { start: '2026-06-01', end: '2026-06-30' };
    expect(presetRange('7d', '2026-11-21', campaign)).toEqual({ from: '2026-06-24', to: '2026-06-30' });
    expect(presetRange('campaign', '2026-11-21', campaign)).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(presetRange('campaign', '2026-06-10', campaign)).toEqual({ from: '2026-06-01', to: '2026-06-10' });
    expect(presetRange('campaign', '2026-05-10', campaign)).toEqual({ from: '2026-05-10', to: '2026-05-10' });
    const long = presetRange('campaign', '2027-12-31', { start: '2026-01-01', end: '2028-01-01' });
    expect(daysInRange(long)).toBe(366);
  });

  it('explains a range the API would refuse', () => {
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('insight.perf.startAfterEnd');
    expect(rangeProblem({ from: '2025-01-01', to: '2026-11-01' })).toBe('insight.perf.tooManyDays');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });
});

describe('range choices', () => {
  it('resolves presets and complete custom ranges', () => {
    expect(resolveRange({ preset: '7d', custom: [null, null] }, '2026-11-21')).toEqual({ range: { from: '2026-11-15', to: '2026-11-21' }, problem: null });
    expect(resolveRange({ preset: 'custom', custom: ['2026-11-01', '2026-11-05'] }, '2026-11-21')).toEqual({ range: { from: '2026-11-01', to: '2026-11-05' }, problem: null });
  });

  it('waits for both days of a custom range', () => {
    expect(resolveRange({ preset: 'custom', custom: ['2026-11-01', null] }, '2026-11-21')).toEqual({ range: null, problem: 'insight.perf.pickDays' });
  });
});

describe('buckets', () => {
  it('uses days up to 92 days and weeks after', () => {
    expect(bucketSizeFor({ from: '2026-01-01', to: addDays('2026-01-01', 91) })).toBe('day');
    expect(bucketSizeFor({ from: '2026-01-01', to: addDays('2026-01-01', 92) })).toBe('week');
  });

  it('sums weeks exactly, the last one shorter', () => {
    const weeks = bucketDays(days('2026-11-01', 10), 'week');
    expect(weeks.map((w) => [w.from, w.to, w.paidOrders])).toEqual([
      ['2026-11-01', '2026-11-07', 6],
      ['2026-11-08', '2026-11-10', 3],
    ]);
    // 7 × 0.10 is exactly 0.70 (floating point would say 0.7000000000000001).
    expect(bucketMoney(weeks[0]!, 'gmvEstimated', 'THB')).toEqual({ amount: '0.70', currency: 'THB' });
  });

  it('keeps a hidden figure hidden instead of reading it as zero', () => {
    const [bucket] = bucketDays([day('2026-11-01', 1, '5.00', null), day('2026-11-02', 1, '5.00')], 'week');
    expect(bucket!.money.agencyCommissionEstimated).toBeNull();
    expect(bucketMoney(bucket!, 'agencyCommissionEstimated', 'THB')).toBeNull();
  });

  it('totals a range', () => {
    const total = totalOf([day('2026-11-01', 2, '10.25'), day('2026-11-02', 1, '0.75')]);
    expect(total?.paidOrders).toBe(3);
    expect(bucketMoney(total!, 'gmvEstimated', 'THB')).toEqual({ amount: '11.00', currency: 'THB' });
    expect(totalOf([])).toBeNull();
  });
});

describe('chart rows', () => {
  it('plots whole minor units with readable labels', () => {
    const { series } = seriesFor('gmv', 'agency');
    const rows = chartRows(bucketDays([day('2026-11-03', 1, '867.00')], 'day'), series);
    expect(rows).toEqual([{ label: 'Nov 3', from: '2026-11-03', to: '2026-11-03', gmvEstimated: 86700, gmvActual: 0 }]);
  });

  it("shows each role only its own commission", () => {
    expect(seriesFor('commission', 'agency').series.map((s) => s.key)).toEqual(['agencyCommissionEstimated', 'creatorCommissionEstimated']);
    expect(seriesFor('commission', 'agency').stacked).toBe(true);
    expect(seriesFor('commission', 'seller').series.map((s) => s.key)).toEqual(['sellerPaidEstimated', 'sellerPaidActual']);
    expect(seriesFor('commission', 'creator').series.map((s) => s.key)).toEqual(['creatorCommissionEstimated', 'creatorCommissionActual']);
    expect(seriesFor('orders', 'seller').money).toBe(false);
  });

  it('knows an empty range', () => {
    expect(hasActivity(bucketDays([day('2026-11-01', 0, '0.00')], 'day'))).toBe(false);
    expect(hasActivity(bucketDays([day('2026-11-01', 1, '3.00')], 'day'))).toBe(true);
  });
});
