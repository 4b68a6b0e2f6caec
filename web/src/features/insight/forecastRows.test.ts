import { describe, expect, it } from 'vitest';
import { forecastRows, weekLabel } from './forecastRows';

describe('forecast rows', () => {
  it('labels weeks by their UTC start', () => {
    expect(weekLabel('2026-12-07')).toBe('Dec 7');
    expect(weekLabel('2027-01-04')).toBe('Jan 4');
    // In the language in use, not English.
    expect(weekLabel('2026-12-07', 'vi-VN')).toBe('7 thg 12');
    expect(weekLabel('2026-12-07', 'th-TH')).toBe('7 ธ.ค.');
  });

  it('keeps exact minor units per band', () => {
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    const vnd = (amount: string) => ({ amount, currency: 'VND' });
    expect(forecastRows([{ start: '2026-12-07', band: { low: usd('1.05'), likely: usd('12.30'), high: usd('20.00'), lines: 3 } }])).toEqual([
      { label: 'Dec 7', low: 105, likely: 1230, high: 2000 },
    ]);
    expect(forecastRows([{ start: '2026-12-14', band: { low: vnd('0'), likely: vnd('21500'), high: vnd('21500'), lines: 1 } }])[0]!.likely).toBe(21500);
  });
});
