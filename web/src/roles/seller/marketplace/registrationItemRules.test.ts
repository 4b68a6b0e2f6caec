import { describe, expect, it } from 'vitest';
import { checkItemTerms, checkQuantity, itemErrorField } from './registrationItemRules';
import { inEnglish } from '../../../i18n/inEnglish';

inEnglish();

describe('checkItemTerms', () => {
  it('accepts a rate at or above the requirement, samples and an optional ads rate', () => {
    expect(checkItemTerms({ rate: '12.5', samples: '3', adsRate: '' }, 1250)).toEqual({
      totalRateBps: 1250,
      sampleQuota: 3,
      shopAdsRateBps: null,
      errors: {},
    });
    expect(checkItemTerms({ rate: '20', samples: '0', adsRate: '5' }, 1000).shopAdsRateBps).toBe(500);
  });

  it('refuses a rate below the campaign requirement or outside 1–80 %', () => {
    expect(checkItemTerms({ rate: '12.49', samples: '0', adsRate: '' }, 1250).errors.rate).toBe('The campaign asks for at least 12.5 %');
    expect(checkItemTerms({ rate: '81', samples: '0', adsRate: '' }, 100).errors.rate).toMatch(/at most 80/);
    expect(checkItemTerms({ rate: '0.5', samples: '0', adsRate: '' }, 100).errors.rate).toMatch(/at least 1%/);
    expect(checkItemTerms({ rate: '', samples: '0', adsRate: '' }, 100).errors.rate).toMatch(/Enter a rate/);
  });

  it('checks the sample quota and the ads rate', () => {
    expect(checkItemTerms({ rate: '10', samples: '-1', adsRate: '' }, 100).errors.samples).toMatch(/whole number/);
    expect(checkItemTerms({ rate: '10', samples: '2.5', adsRate: '' }, 100).errors.samples).toMatch(/whole number/);
    expect(checkItemTerms({ rate: '10', samples: '0', adsRate: '90' }, 100).errors.adsRate).toMatch(/at most 80/);
  });
});

describe('checkQuantity', () => {
  it('takes whole numbers in range', () => {
    expect(checkQuantity('5')).toEqual({ value: 5, error: null });
    expect(checkQuantity('')).toEqual({ value: null, error: 'Enter a number' });
    expect(checkQuantity('4', { min: 5 }).error).toBe('At least 5');
    expect(checkQuantity('1000001').error).toMatch(/At most 1,000,000/);
  });
});

describe('itemErrorField', () => {
  it('maps item paths to the term fields', () => {
    expect(itemErrorField(['input', 'items', '2', 'totalRateBps'])).toBe('rate');
    expect(itemErrorField(['input', 'items', '0', 'sampleQuota'])).toBe('samples');
    expect(itemErrorField(['input', 'items', '0', 'shopAdsRateBps'])).toBe('adsRate');
    expect(itemErrorField(['input', 'items', '0', 'productId'])).toBeNull();
  });
});
