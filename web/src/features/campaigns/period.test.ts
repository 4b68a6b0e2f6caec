import { describe, expect, it } from 'vitest';
import { formatMoment, formatPeriod, formatPeriodDates, periodDays } from './period';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('periods', () => {
  it('formats in the market zone', () => {
    // 17:30 UTC on Nov 30 is already Dec 1 in Vietnam.
    expect(formatPeriodDates('2026-11-30T17:30:00Z', '2027-01-31T16:59:00Z', 'Asia/Ho_Chi_Minh')).toBe('Dec 1, 2026 – Jan 31, 2027');
    expect(norm(formatPeriod('2026-12-01T03:00:00Z', '2027-01-31T16:59:00Z', 'Asia/Bangkok'))).toBe(
      'Dec 1, 2026, 10:00 AM – Jan 31, 2027, 11:59 PM GMT+7',
    );
  });

  it('counts days', () => {
    expect(periodDays('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z')).toBe(30);
    expect(periodDays('2026-12-01T00:00:00Z', '2026-12-01T13:00:00Z')).toBe(1);
  });
});

describe('formatMoment', () => {
  it('shows only the time when it is today in the zone', () => {
    const now = new Date('2026-12-01T07:00:00Z'); // 14:00 in Bangkok
    expect(norm(formatMoment('2026-12-01T07:30:00Z', 'Asia/Bangkok', now))).toBe('2:30 PM GMT+7');
    // 17:30 UTC is already tomorrow in Bangkok.
    expect(norm(formatMoment('2026-12-01T17:30:00Z', 'Asia/Bangkok', now))).toBe('Dec 2, 2026, 12:30 AM GMT+7');
  });
});
