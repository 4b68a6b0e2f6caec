import { describe, expect, it } from 'vitest';
import { campaignErrorField, mapCampaignErrors } from './campaignErrors';

describe('campaignErrorField', () => {
  it('maps input paths onto form fields', () => {
    expect(campaignErrorField(['input', 'name'])).toBe('name');
    expect(campaignErrorField(['input', 'commissionRequirementBps'])).toBe('commissionRequirement');
    expect(campaignErrorField(['input', 'contact', 'email'])).toBe('contactEmail');
    expect(campaignErrorField(['input', 'contact', 'messengerHandle'])).toBe('messengerHandle');
    expect(campaignErrorField(['input', 'contact', 'messenger'])).toBe('messengerHandle');
    expect(campaignErrorField(['input', 'contact'])).toBe('contactEmail');
    expect(campaignErrorField(['input', 'registrationStart'])).toBe('campaignStart');
    expect(campaignErrorField(['input', 'campaignEnd'])).toBe('campaignEnd');
    expect(campaignErrorField(['input', 'targeting', 'shopCodes', '3'])).toBe('shopCodes');
    expect(campaignErrorField(['input', 'targeting', 'sellerType'])).toBe('sellerType');
  });

  it('leaves whole-input errors to the form', () => {
    expect(campaignErrorField(null)).toBeNull();
    expect(campaignErrorField(['input'])).toBeNull();
    expect(campaignErrorField(['input', 'id'])).toBeNull();
  });
});

describe('mapCampaignErrors', () => {
  it('splits field errors, form errors and unknown shop codes', () => {
    const mapped = mapCampaignErrors([
      { field: ['input', 'name'], message: 'Too long', code: 'TOO_LONG' },
      { field: ['input', 'targeting', 'shopCodes'], message: '2 unknown', code: 'UNKNOWN_SHOP_CODES', unknownShopCodes: ['AAAAAA', 'BBBBBB'] },
      { field: null, message: 'A change is pending', code: 'CHANGE_PENDING', editableAt: '2026-12-01T10:00:00Z' },
    ]);
    expect(mapped.fieldErrors).toEqual({ name: 'Too long', shopCodes: '2 unknown' });
    expect(mapped.unknownShopCodes).toEqual(['AAAAAA', 'BBBBBB']);
    expect(mapped.formErrors.map((e) => e.code)).toEqual(['CHANGE_PENDING']);
  });
});
