import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../i18n/inEnglish';
import { buildRegistrationFilter, checkPrice, EMPTY_REGISTRATION_FILTERS } from './registrationFilterValues';

inEnglish();

describe('checkPrice', () => {
  it('accepts plain amounts within the currency decimals', () => {
    expect(checkPrice('19.99', 'USD')).toEqual({ value: '19.99', error: null });
    expect(checkPrice('1,250', 'THB')).toEqual({ value: '1250', error: null });
    expect(checkPrice('250000', 'VND')).toEqual({ value: '250000', error: null });
    expect(checkPrice('5.', 'USD')).toEqual({ value: '5', error: null });
    expect(checkPrice('', 'USD')).toEqual({ value: null, error: null });
  });

  it('refuses what is not an amount or too precise', () => {
    expect(checkPrice('abc', 'USD').error).toMatch(/amount/);
    expect(checkPrice('-5', 'USD').error).toMatch(/amount/);
    expect(checkPrice('1.999', 'USD').error).toMatch(/2 decimals/);
    expect(checkPrice('1.5', 'VND').error).toMatch(/no decimals/);
  });
});

describe('buildRegistrationFilter', () => {
  it('is empty but for the campaign when nothing is set', () => {
    expect(buildRegistrationFilter(EMPTY_REGISTRATION_FILTERS, 'C1', 'USD')).toEqual({
      filter: {
        campaignId: 'C1',
        status: null,
        bookmarked: null,
        category: null,
        minPrice: null,
        maxPrice: null,
        minRateBps: null,
        maxRateBps: null,
        search: null,
        hasContent: null,
        registeredFrom: null,
        registeredTo: null,
      },
      errors: {},
    });
  });

  it('converts ranges exactly and reports reversed ones', () => {
    const built = buildRegistrationFilter(
      { ...EMPTY_REGISTRATION_FILTERS, statuses: ['PENDING'], bookmarkedOnly: true, minPrice: '10', maxPrice: '9.99', minRate: '10.5', maxRate: '20', search: ' serum ' },
      'C1',
      'USD',
    );
    expect(built.filter).toMatchObject({ status: ['PENDING'], bookmarked: true, minPrice: '10', maxPrice: null, minRateBps: 1050, maxRateBps: 2000, search: 'serum' });
    expect(built.errors).toEqual({ maxPrice: 'Below the minimum' });
    expect(buildRegistrationFilter({ ...EMPTY_REGISTRATION_FILTERS, minRate: '30', maxRate: '20' }, null, 'USD').errors).toEqual({ maxRate: 'Below the minimum' });
    expect(buildRegistrationFilter({ ...EMPTY_REGISTRATION_FILTERS, minRate: 'x' }, null, 'USD').filter.minRateBps).toBeNull();
  });

  it('turns posted content and registration days (market time, both days included) into the API filter', () => {
    const built = buildRegistrationFilter(
      { ...EMPTY_REGISTRATION_FILTERS, content: 'WITHOUT', registeredFrom: '2026-12-01', registeredTo: '2026-12-03' },
      null,
      'THB',
      'Asia/Bangkok',
    );
    expect(built.filter).toMatchObject({ hasContent: false, registeredFrom: '2026-11-30T17:00:00.000Z', registeredTo: '2026-12-03T17:00:00.000Z' });
    expect(buildRegistrationFilter({ ...EMPTY_REGISTRATION_FILTERS, content: 'WITH' }, null, 'USD').filter.hasContent).toBe(true);
    const reversed = buildRegistrationFilter({ ...EMPTY_REGISTRATION_FILTERS, registeredFrom: '2026-12-05', registeredTo: '2026-12-01' }, null, 'USD');
    expect(reversed.errors).toEqual({ registeredTo: 'Before the first day' });
    expect(reversed.filter.registeredTo).toBeNull();
  });
});
