import { describe, expect, it } from 'vitest';
import { axisFormatter, formatMinor, formatMinorCompact, minorToMoney, moneyToMinor, sumMoney } from './money';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money in minor units', () => {
  it('converts both ways exactly, per currency exponent', () => {
    expect(moneyToMinor({ amount: '12.50', currency: 'USD' })).toBe(1250n);
    expect(moneyToMinor({ amount: '-0.05', currency: 'THB' })).toBe(-5n);
    expect(moneyToMinor({ amount: '250000', currency: 'VND' })).toBe(250000n);
    expect(minorToMoney(1250n, 'USD')).toEqual({ amount: '12.50', currency: 'USD' });
    expect(minorToMoney(-5n, 'THB')).toEqual({ amount: '-0.05', currency: 'THB' });
    expect(minorToMoney(250000n, 'VND')).toEqual({ amount: '250000', currency: 'VND' });
  });

  it('sums without floating point (0.10 + 0.20 is 0.30)', () => {
    expect(sumMoney([{ amount: '0.10', currency: 'USD' }, { amount: '0.20', currency: 'USD' }], 'USD')).toEqual({ amount: '0.30', currency: 'USD' });
    expect(sumMoney([], 'USD')).toEqual({ amount: '0.00', currency: 'USD' });
    expect(sumMoney([{ amount: '1.00', currency: 'USD' }, null], 'USD')).toBeNull();
  });

  it('sums amounts beyond 2^53 minor units exactly', () => {
    const big = { amount: '90071992547409.93', currency: 'USD' };
    expect(sumMoney([big, big], 'USD')).toEqual({ amount: '180143985094819.86', currency: 'USD' });
  });

  it('formats chart values exactly and axis ticks compactly', () => {
    expect(formatMinor(1250, 'USD')).toBe('$12.50');
    expect(formatMinor(250000, 'VND')).toBe('₫250,000');
    expect(norm(formatMinorCompact(1_234_500, 'THB'))).toBe('฿12.3K');
    expect(formatMinorCompact(0, 'USD')).toBe('$0');
    expect(formatMinorCompact(25_000, 'USD')).toBe('$250');
    expect(formatMinorCompact(150_000_000, 'VND')).toBe('₫150M');
  });

  it('keeps cents on axes of small amounts only', () => {
    expect(axisFormatter(5_000, 'USD')(1250)).toBe('$12.50');
    expect(axisFormatter(50_000, 'USD')(7500)).toBe('$75');
    expect(axisFormatter(50_000, 'VND')(7500)).toBe('₫7.5K');
  });
});
