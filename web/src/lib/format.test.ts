import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyOrDash,
  formatRate,
  formatRating,
  formatRelative,
  parseDecimal,
  rescale,
} from './format';

// Intl output uses U+00A0 / U+202F in some locales; normalise for readable expectations.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parseDecimal', () => {
  it('parses plain decimal strings into exact units', () => {
    expect(parseDecimal('12.50')).toEqual({ negative: false, units: 1250n, scale: 2 });
    expect(parseDecimal('-0.05')).toEqual({ negative: true, units: 5n, scale: 2 });
    expect(parseDecimal('250000')).toEqual({ negative: false, units: 250000n, scale: 0 });
    expect(parseDecimal('.5')).toEqual({ negative: false, units: 5n, scale: 1 });
    expect(parseDecimal('-0')).toEqual({ negative: false, units: 0n, scale: 0 });
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1e5', '1.2.3', 'NaN', '12,50', '--1']) {
      expect(() => parseDecimal(bad), bad).toThrow(RangeError);
    }
  });

  it('rescales with half-up rounding', () => {
    expect(rescale(parseDecimal('1.005'), 2).units).toBe(101n);
    expect(rescale(parseDecimal('1.004'), 2).units).toBe(100n);
    expect(rescale(parseDecimal('-2.5'), 0)).toEqual({ negative: true, units: 3n, scale: 0 });
    expect(rescale(parseDecimal('-0.004'), 2)).toEqual({ negative: false, units: 0n, scale: 2 });
    expect(rescale(parseDecimal('7'), 2).units).toBe(700n);
  });
});

describe('formatMoney', () => {
  it('formats two-decimal currencies', () => {
    expect(formatMoney({ amount: '12.50', currency: 'USD' })).toBe('$12.50');
    expect(formatMoney({ amount: '1234.5', currency: 'USD' })).toBe('$1,234.50');
    expect(formatMoney({ amount: '40', currency: 'GBP' })).toBe('£40.00');
    expect(formatMoney({ amount: '199.00', currency: 'THB' })).toBe('฿199.00');
    expect(norm(formatMoney({ amount: '89.90', currency: 'MYR' }))).toBe('RM 89.90');
    expect(formatMoney({ amount: '1500', currency: 'PHP' })).toBe('₱1,500.00');
    expect(norm(formatMoney({ amount: '199000.5', currency: 'IDR' }))).toBe('Rp 199,000.50');
    expect(norm(formatMoney({ amount: '199.00', currency: 'THB' }, { currencyDisplay: 'symbol' }))).toBe('THB 199.00');
  });

  it('formats VND without decimals', () => {
    expect(formatMoney({ amount: '250000', currency: 'VND' })).toBe('₫250,000');
    expect(formatMoney({ amount: '250000.00', currency: 'VND' })).toBe('₫250,000');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    // 2^53 + 1 and 17 significant digits: a float would print …992 and lose the cents.
    expect(formatMoney({ amount: '9007199254740993.07', currency: 'USD' })).toBe('$9,007,199,254,740,993.07');
    expect(formatMoney({ amount: '123456789012345678901234', currency: 'VND' })).toBe(
      '₫123,456,789,012,345,678,901,234',
    );
    // 0.1 + 0.2 style inputs stay exact.
    expect(formatMoney({ amount: '0.30', currency: 'USD' })).toBe('$0.30');
  });

  it('handles negatives, including between -1 and 0', () => {
    expect(formatMoney({ amount: '-12.34', currency: 'USD' })).toBe('-$12.34');
    expect(formatMoney({ amount: '-0.50', currency: 'USD' })).toBe('-$0.50');
    expect(formatMoney({ amount: '-0.00', currency: 'USD' })).toBe('$0.00');
  });

  it('follows the locale for grouping, separators and symbol position', () => {
    expect(norm(formatMoney({ amount: '1234567.89', currency: 'IDR' }, { locale: 'id-ID' }))).toBe('Rp 1.234.567,89');
    expect(norm(formatMoney({ amount: '250000', currency: 'VND' }, { locale: 'vi-VN' }))).toBe('250.000 ₫');
    expect(norm(formatMoney({ amount: '-0.5', currency: 'GBP' }, { locale: 'de-DE' }))).toBe('-0,50 £');
    expect(norm(formatMoney({ amount: '12.5', currency: 'USD' }, { currencyDisplay: 'code' }))).toBe('USD 12.50');
  });

  it('rounds extra fraction digits half-up without floats', () => {
    expect(formatMoney({ amount: '0.005', currency: 'USD' })).toBe('$0.01');
    expect(formatMoney({ amount: '1999.5', currency: 'VND' })).toBe('₫2,000');
  });

  it('shows a dash for hidden or missing money', () => {
    expect(formatMoneyOrDash(null)).toBe('—');
    expect(formatMoneyOrDash({ amount: '1', currency: 'USD' })).toBe('$1.00');
  });
});

describe('formatRate', () => {
  it('shows basis points as percent with up to two decimals', () => {
    expect(formatRate(1000)).toBe('10%');
    expect(formatRate(1250)).toBe('12.5%');
    expect(formatRate(1234)).toBe('12.34%');
    expect(formatRate(100)).toBe('1%');
    expect(formatRate(8000)).toBe('80%');
    expect(formatRate(1)).toBe('0.01%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(-50)).toBe('-0.5%');
    expect(formatRate(1_000_000)).toBe('10,000%');
  });

  it('follows the locale', () => {
    expect(norm(formatRate(1250, 'de-DE'))).toBe('12,5 %');
  });

  it('refuses non-integers', () => {
    expect(() => formatRate(12.5)).toThrow(RangeError);
  });
});

describe('formatCompact and formatCount', () => {
  it('compacts follower counts', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(1000)).toBe('1K');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(1_250_000)).toBe('1.3M');
    expect(formatCompact(2_000_000_000)).toBe('2B');
  });

  it('groups whole counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('dates', () => {
  const instant = '2026-11-20T23:30:00Z';

  it('formats an instant in the given IANA zone', () => {
    expect(norm(formatDateTime(instant, 'Asia/Ho_Chi_Minh'))).toBe('Nov 21, 2026, 6:30 AM GMT+7');
    expect(norm(formatDateTime(instant, 'America/Los_Angeles'))).toBe('Nov 20, 2026, 3:30 PM PST');
    expect(norm(formatDateTime(instant, 'UTC', { withZone: false }))).toBe('Nov 20, 2026, 11:30 PM');
  });

  it('takes the calendar date from the zone, not from UTC', () => {
    expect(formatDate(instant, 'Asia/Bangkok')).toBe('Nov 21, 2026');
    expect(formatDate(instant, 'Europe/London')).toBe('Nov 20, 2026');
  });

  it('formats relative times against an injected now', () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(formatRelative('2026-11-20T23:59:50Z', now)).toBe('now');
    expect(formatRelative('2026-11-20T23:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-20T21:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-19T00:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-11-22T00:00:00Z', now)).toBe('tomorrow');
  });

  it('rejects invalid dates', () => {
    expect(() => formatDate('not a date', 'UTC')).toThrow(RangeError);
  });
});

describe('formatRating', () => {
  it('shows one decimal or a dash', () => {
    expect(formatRating(4.8)).toBe('4.8');
    expect(formatRating(5)).toBe('5.0');
    expect(formatRating(null)).toBe('—');
  });
});
