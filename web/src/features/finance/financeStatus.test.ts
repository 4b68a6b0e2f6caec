import { describe, expect, it } from 'vitest';
import { endedPeriods, formatPeriod, previousPeriod } from './financeStatus';

describe('billing periods', () => {
  it('reads a period as a month', () => {
    expect(formatPeriod('2026-10')).toBe('October 2026');
    expect(formatPeriod('bad')).toBe('bad');
  });

  it('knows the last month that ended (UTC)', () => {
    expect(previousPeriod(new Date('2026-11-21T10:00:00Z'))).toBe('2026-10');
    expect(previousPeriod(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });

  it('lists the ended months newest first, across a year', () => {
    expect(endedPeriods(new Date('2027-02-10T00:00:00Z'), 3)).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});
