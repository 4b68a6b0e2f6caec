import { describe, expect, it } from 'vitest';
import {
  creatorRateError,
  editAgencyText,
  editCreatorText,
  fieldsFromCreatorBps,
  maxCreatorBps,
  repriceEffect,
  splitRate,
} from './split';
import { inEnglish } from '../../../i18n/inEnglish';

inEnglish();

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('splitRate', () => {
  it('matches the domain example: 40.00 USD at total 20 % / creator 15 %', () => {
    expect(splitRate(2000, 1500, usd('40.00'))).toEqual({
      totalBps: 2000,
      creatorBps: 1500,
      agencyBps: 500,
      money: { sellerPays: usd('8.00'), creatorEarns: usd('6.00'), agencyEarns: usd('2.00') },
    });
  });

  it('derives the agency share as total − creator, so the parts always add up to the total', () => {
    for (const [total, creator] of [
      [1800, 1050],
      [2000, 2000],
      [8000, 100],
      [1234, 777],
    ] as const) {
      const split = splitRate(total, creator);
      expect(split.creatorBps + split.agencyBps).toBe(total);
    }
  });

  it('rounds each amount half-up and gives the agency the remainder of what the seller pays', () => {
    // 19.99 × 12.5 % = 2.49875 → 2.50; × 7.5 % = 1.49925 → 1.50; agency 2.50 − 1.50 = 1.00
    expect(splitRate(1250, 750, usd('19.99')).money).toEqual({
      sellerPays: usd('2.50'),
      creatorEarns: usd('1.50'),
      agencyEarns: usd('1.00'),
    });
    // 0.10 × 10 % = 0.01; × 5 % = 0.005 → 0.01 (half-up); the agency keeps 0.00, never a negative cent
    expect(splitRate(1000, 500, usd('0.10')).money).toEqual({
      sellerPays: usd('0.01'),
      creatorEarns: usd('0.01'),
      agencyEarns: usd('0.00'),
    });
    // 289.00 THB × 18 % = 52.02; × 10.5 % = 30.345 → 30.35; agency 21.67
    expect(splitRate(1800, 1050, { amount: '289.00', currency: 'THB' }).money).toEqual({
      sellerPays: { amount: '52.02', currency: 'THB' },
      creatorEarns: { amount: '30.35', currency: 'THB' },
      agencyEarns: { amount: '21.67', currency: 'THB' },
    });
  });

  it('sums money exactly: creator + agency = seller pays, for many prices and rates', () => {
    for (let cents = 1; cents < 5_000; cents += 37) {
      for (const [total, creator] of [
        [1500, 1000],
        [2000, 1333],
        [999, 101],
      ] as const) {
        const amount = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const m = splitRate(total, creator, usd(amount)).money!;
        const units = (x: { amount: string }) => BigInt(x.amount.replace('.', ''));
        expect(units(m.creatorEarns) + units(m.agencyEarns)).toBe(units(m.sellerPays));
      }
    }
  });

  it('keeps VND in whole dong and big amounts exact', () => {
    expect(splitRate(1500, 1000, { amount: '199000', currency: 'VND' }).money).toEqual({
      sellerPays: { amount: '29850', currency: 'VND' },
      creatorEarns: { amount: '19900', currency: 'VND' },
      agencyEarns: { amount: '9950', currency: 'VND' },
    });
    // 90071992547409.93 × 20 % = …481.986 → …481.99; × 15 % = …111.4895 → …111.49
    expect(splitRate(2000, 1500, usd('90071992547409.93')).money?.agencyEarns).toEqual(usd('4503599627370.50'));
  });

  it('has no money without a price, and refuses fractional rates', () => {
    expect(splitRate(2000, 1000).money).toBeNull();
    expect(() => splitRate(2000, 10.5)).toThrow(RangeError);
  });
});

describe('creator rate rules', () => {
  it('is 1 %–80 % and at most the seller total', () => {
    expect(creatorRateError(100, 2000)).toBeNull();
    expect(creatorRateError(2000, 2000)).toBeNull();
    expect(creatorRateError(99, 2000)).toMatch(/at least 1%/);
    expect(creatorRateError(2001, 2000)).toMatch(/total of 20%/);
    expect(creatorRateError(8001, 9000)).toMatch(/at most 80%/);
    expect(maxCreatorBps(1800)).toBe(1800);
    expect(maxCreatorBps(9000)).toBe(8000);
  });
});

describe('linked calculator fields', () => {
  const total = 1800;
  const start = fieldsFromCreatorBps(1000, total);

  it('starts from a creator rate with the agency share beside it', () => {
    expect(start).toEqual({ creatorText: '10', agencyText: '8', creatorBps: 1000, error: null });
  });

  it('moves the agency share when the creator rate changes', () => {
    expect(editCreatorText('12.5', start, total)).toEqual({ creatorText: '12.5', agencyText: '5.5', creatorBps: 1250, error: null });
  });

  it('moves the creator rate when the agency share changes', () => {
    expect(editAgencyText('7.25', start, total)).toEqual({ creatorText: '10.75', agencyText: '7.25', creatorBps: 1075, error: null });
  });

  it('reports what breaks a rule at the field being edited and keeps the other field', () => {
    expect(editCreatorText('19', start, total)).toMatchObject({ agencyText: '-1', creatorBps: 1900, error: expect.stringMatching(/total of 18%/) });
    expect(editCreatorText('abc', start, total)).toMatchObject({ creatorText: 'abc', agencyText: '8', creatorBps: null });
    expect(editCreatorText('', start, total)).toMatchObject({ creatorBps: null, error: 'Enter a rate' });
    expect(editAgencyText('17.5', start, total)).toMatchObject({ creatorText: '0.5', creatorBps: 50, error: expect.stringMatching(/at least 1%/) });
    expect(editAgencyText('20', start, total)).toMatchObject({ creatorText: '10', creatorBps: null, error: expect.stringMatching(/total of 18%/) });
  });
});

describe('repriceEffect', () => {
  it('tells a decrease (30-day lock for existing creators) from an increase (at once)', () => {
    expect(repriceEffect(1200, 1000)).toBe('decrease');
    expect(repriceEffect(1000, 1200)).toBe('increase');
    expect(repriceEffect(1000, 1000)).toBe('none');
  });
});
