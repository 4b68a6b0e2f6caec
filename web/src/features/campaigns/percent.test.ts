import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../i18n/inEnglish';
import { bpsToPercentText, checkPercent, parsePercent, rateRangeError } from './percent';

inEnglish();

describe('parsePercent', () => {
  it('turns percent text into integer basis points', () => {
    expect(parsePercent('12')).toEqual({ status: 'ok', bps: 1200 });
    expect(parsePercent('12.5')).toEqual({ status: 'ok', bps: 1250 });
    expect(parsePercent('12.50')).toEqual({ status: 'ok', bps: 1250 });
    expect(parsePercent('7,25')).toEqual({ status: 'ok', bps: 725 });
    expect(parsePercent(' 15 % ')).toEqual({ status: 'ok', bps: 1500 });
    expect(parsePercent('.5')).toEqual({ status: 'ok', bps: 50 });
    expect(parsePercent('0.01')).toEqual({ status: 'ok', bps: 1 });
    expect(parsePercent('80.')).toEqual({ status: 'ok', bps: 8000 });
  });

  it('is exact where floats are not (0.29 * 100 = 28.999…)', () => {
    expect(parsePercent('0.29')).toEqual({ status: 'ok', bps: 29 });
    expect(parsePercent('1.15')).toEqual({ status: 'ok', bps: 115 });
    expect(parsePercent('4.35')).toEqual({ status: 'ok', bps: 435 });
  });

  it('reports empty and malformed input', () => {
    expect(parsePercent('')).toEqual({ status: 'empty' });
    expect(parsePercent('  %')).toEqual({ status: 'empty' });
    for (const bad of ['abc', '1e2', '-5', '12.5.1', '1 2', '12%%', '+3']) {
      expect(parsePercent(bad).status, bad).toBe('invalid');
    }
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(parsePercent('12.345')).toEqual({ status: 'invalid', message: expect.stringMatching(/two decimals/) });
  });
});

describe('bpsToPercentText', () => {
  it('round-trips with parsePercent', () => {
    for (const bps of [1, 5, 50, 100, 725, 1000, 1250, 1234, 8000]) {
      const parsed = parsePercent(bpsToPercentText(bps));
      expect(parsed).toEqual({ status: 'ok', bps });
    }
    expect(bpsToPercentText(1250)).toBe('12.5');
    expect(bpsToPercentText(1000)).toBe('10');
    expect(bpsToPercentText(5)).toBe('0.05');
    expect(bpsToPercentText(0)).toBe('0');
  });
});

describe('rate checks', () => {
  it('keeps rates within 1 %–80 % or the given bounds', () => {
    expect(rateRangeError(100)).toBeNull();
    expect(rateRangeError(8000)).toBeNull();
    expect(rateRangeError(99)).toMatch(/at least 1%/);
    expect(rateRangeError(8001)).toMatch(/at most 80%/);
    expect(rateRangeError(1400, { min: 1500 })).toMatch(/at least 15%/);
  });

  it('checkPercent combines parsing, required and range', () => {
    expect(checkPercent('15')).toEqual({ bps: 1500, error: null });
    expect(checkPercent('')).toEqual({ bps: null, error: 'Enter a rate' });
    expect(checkPercent('', { required: false })).toEqual({ bps: null, error: null });
    expect(checkPercent('0.5')).toEqual({ bps: 50, error: expect.stringMatching(/at least/) });
    expect(checkPercent('x').error).toMatch(/percentage/);
  });
});
