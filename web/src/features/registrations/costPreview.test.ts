import { describe, expect, it } from 'vitest';
import { applyRate, fromMinorUnits, orderCostPreview, toMinorUnits } from './costPreview';

describe('orderCostPreview', () => {
  it('matches the domain example: 40.00 USD at 20 % costs 8.00', () => {
    expect(orderCostPreview({ amount: '40.00', currency: 'USD' }, 2000)).toEqual({
      price: { amount: '40.00', currency: 'USD' },
      commission: { amount: '8.00', currency: 'USD' },
      net: { amount: '32.00', currency: 'USD' },
    });
  });

  it('rounds half-up to the minor unit', () => {
    // 19.99 × 12.5 % = 2.49875 → 2.50
    expect(orderCostPreview({ amount: '19.99', currency: 'USD' }, 1250).commission.amount).toBe('2.50');
    // 0.10 × 5 % = 0.005 → 0.01 (half-up), 0.10 × 4.99 % = 0.00499 → 0.00
    expect(orderCostPreview({ amount: '0.10', currency: 'USD' }, 500).commission.amount).toBe('0.01');
    expect(orderCostPreview({ amount: '0.10', currency: 'USD' }, 499).commission.amount).toBe('0.00');
  });

  it('keeps VND in whole dong', () => {
    expect(orderCostPreview({ amount: '199000', currency: 'VND' }, 1234)).toEqual({
      price: { amount: '199000', currency: 'VND' },
      commission: { amount: '24557', currency: 'VND' }, // 24556.6 → 24557
      net: { amount: '174443', currency: 'VND' },
    });
  });

  it('stays exact for amounts beyond float precision', () => {
    const preview = orderCostPreview({ amount: '90071992547409.93', currency: 'USD' }, 1000);
    expect(preview.commission.amount).toBe('9007199254740.99');
    expect(preview.net.amount).toBe('81064793292668.94');
  });

  it('where floats go wrong: 1.15 × 10 %', () => {
    // 1.15 * 0.1 = 0.11499999999999999 in floating point → 0.11; exact math gives 0.115 → 0.12.
    expect(orderCostPreview({ amount: '1.15', currency: 'USD' }, 1000).commission.amount).toBe('0.12');
  });
});

describe('minor units', () => {
  it('converts both ways', () => {
    expect(toMinorUnits({ amount: '12.5', currency: 'USD' })).toBe(1250n);
    expect(toMinorUnits({ amount: '250000', currency: 'VND' })).toBe(250000n);
    expect(toMinorUnits({ amount: '-0.05', currency: 'GBP' })).toBe(-5n);
    expect(fromMinorUnits(1250n, 'USD')).toEqual({ amount: '12.50', currency: 'USD' });
    expect(fromMinorUnits(5n, 'THB')).toEqual({ amount: '0.05', currency: 'THB' });
    expect(fromMinorUnits(-5n, 'THB')).toEqual({ amount: '-0.05', currency: 'THB' });
    expect(fromMinorUnits(250000n, 'VND')).toEqual({ amount: '250000', currency: 'VND' });
  });

  it('applyRate rounds half away from zero', () => {
    expect(applyRate(5n, 1000)).toBe(1n); // 0.5 → 1
    expect(applyRate(4n, 1000)).toBe(0n); // 0.4 → 0
    expect(applyRate(-5n, 1000)).toBe(-1n);
    expect(() => applyRate(1n, 1.5)).toThrow(RangeError);
  });
});
