import { describe, expect, it } from 'vitest';
import { dateErrors, EMPTY_CAMPAIGN_FORM, validateCampaignForm, type CampaignFormValues } from './campaignFormRules';
import type { Catalogue } from '../../../i18n/catalogues';
import { inEnglish } from '../../../i18n/inEnglish';
import en from '../../../i18n/messages/en.json';
import th from '../../../i18n/messages/th.json';
import { activate, Translator } from '../../../i18n/runtime';

inEnglish();

const ctx = { timeZone: 'Asia/Bangkok', startAfter: new Date('2026-11-21T00:00:00Z') };

const valid: CampaignFormValues = {
  ...EMPTY_CAMPAIGN_FORM,
  name: 'Year-end beauty push',
  market: 'TH',
  commissionRequirement: '12.5',
  contactEmail: 'team@agency.test',
  messengerHandle: '@agency',
  campaignStart: '2026-12-01T10:00',
  campaignEnd: '2027-01-31T23:59',
  registrationEnd: '2027-01-15T23:59',
};

describe('validateCampaignForm', () => {
  it('accepts a complete campaign', () => {
    expect(validateCampaignForm(valid, ctx)).toEqual({});
  });

  it('checks name 1–49 characters and description up to 999', () => {
    expect(validateCampaignForm({ ...valid, name: '   ' }, ctx).name).toMatch(/Enter/);
    expect(validateCampaignForm({ ...valid, name: 'x'.repeat(49) }, ctx).name).toBeUndefined();
    expect(validateCampaignForm({ ...valid, name: 'x'.repeat(50) }, ctx).name).toMatch(/at most 49 .*\(50 now\)/);
    expect(validateCampaignForm({ ...valid, description: 'd'.repeat(999) }, ctx).description).toBeUndefined();
    expect(validateCampaignForm({ ...valid, description: 'd'.repeat(1000) }, ctx).description).toMatch(/999/);
  });

  it('needs the messenger the market expects; US may leave it out', () => {
    const noHandle = { ...valid, messengerHandle: '' };
    expect(validateCampaignForm(noHandle, ctx).messengerHandle).toMatch(/LINE/);
    expect(validateCampaignForm({ ...noHandle, market: 'PH' }, ctx).messengerHandle).toMatch(/Viber/);
    expect(validateCampaignForm({ ...noHandle, market: 'VN' }, ctx).messengerHandle).toMatch(/Zalo/);
    for (const market of ['MY', 'ID', 'GB'] as const) {
      expect(validateCampaignForm({ ...noHandle, market }, ctx).messengerHandle).toMatch(/WhatsApp/);
    }
    expect(validateCampaignForm({ ...noHandle, market: 'US' }, ctx).messengerHandle).toBeUndefined();
  });

  it('checks email, phone and the commission requirement (1–80 %)', () => {
    expect(validateCampaignForm({ ...valid, contactEmail: 'nope' }, ctx).contactEmail).toMatch(/valid email/);
    expect(validateCampaignForm({ ...valid, contactPhone: '+66 (2) 123-4567' }, ctx).contactPhone).toBeUndefined();
    expect(validateCampaignForm({ ...valid, contactPhone: 'call me' }, ctx).contactPhone).toMatch(/phone number/);
    expect(validateCampaignForm({ ...valid, commissionRequirement: '' }, ctx).commissionRequirement).toMatch(/Enter/);
    expect(validateCampaignForm({ ...valid, commissionRequirement: '0.5' }, ctx).commissionRequirement).toMatch(/at least 1/);
    expect(validateCampaignForm({ ...valid, commissionRequirement: '81' }, ctx).commissionRequirement).toMatch(/at most 80/);
  });

  it('requires valid shop codes only for selected targeting', () => {
    expect(validateCampaignForm({ ...valid, shopCodes: 'bad' }, ctx).shopCodes).toBeUndefined();
    const selected = { ...valid, targetingMode: 'SELECTED' as const };
    expect(validateCampaignForm(selected, ctx).shopCodes).toMatch(/at least one/);
    expect(validateCampaignForm({ ...selected, shopCodes: 'THCBELNL4Y, bad!' }, ctx).shopCodes).toMatch(/not a valid/);
    expect(validateCampaignForm({ ...selected, shopCodes: 'THCBELNL4Y' }, ctx).shopCodes).toBeUndefined();
  });
});

describe('dateErrors', () => {
  const dates = { campaignStart: valid.campaignStart, campaignEnd: valid.campaignEnd, registrationEnd: valid.registrationEnd };

  it('needs all three times', () => {
    expect(Object.keys(dateErrors({ campaignStart: '', campaignEnd: '', registrationEnd: '' }, ctx)).sort()).toEqual([
      'campaignEnd',
      'campaignStart',
      'registrationEnd',
    ]);
  });

  it('wants the start in the future (in the market zone) only when asked', () => {
    // 07:00 in Bangkok on Nov 21 is 00:00 UTC = now: not in the future.
    const atNow = { ...dates, campaignStart: '2026-11-21T07:00' };
    expect(dateErrors(atNow, ctx).campaignStart).toMatch(/future/);
    expect(dateErrors({ ...dates, campaignStart: '2026-11-21T07:01' }, ctx).campaignStart).toBeUndefined();
    expect(dateErrors(atNow, { ...ctx, startAfter: null }).campaignStart).toBeUndefined();
  });

  it('on a published campaign, moved times must be after the moment the edit applies', () => {
    const applies = new Date('2026-12-10T00:00:00Z'); // 07:00 in Bangkok
    const edit = { ...ctx, startAfter: applies, endsAfter: applies, afterLabel: 'Dec 10, 7:00 AM (when this edit applies)' };
    expect(dateErrors({ ...dates, campaignStart: '2026-12-10T07:00' }, edit).campaignStart).toBe(
      'The start must be after Dec 10, 7:00 AM (when this edit applies)',
    );
    const early = { ...dates, registrationEnd: '2026-12-09T23:00' };
    expect(dateErrors(early, { ...edit, startAfter: null }).registrationEnd).toBeUndefined();
    expect(dateErrors(early, { ...edit, startAfter: null, changed: new Set(['registrationEnd'] as const) }).registrationEnd).toMatch(
      /^The new end must be after Dec 10/,
    );
  });

  it('wants the end after the start and the period under 360 days', () => {
    expect(dateErrors({ ...dates, campaignEnd: '2026-12-01T10:00' }, ctx).campaignEnd).toMatch(/after the start/);
    // 359 days 23:59 is fine; exactly 360 days is not.
    expect(dateErrors({ ...dates, campaignEnd: '2027-11-26T09:59', registrationEnd: '2027-01-01T00:00' }, ctx).campaignEnd).toBeUndefined();
    expect(dateErrors({ ...dates, campaignEnd: '2027-11-26T10:00', registrationEnd: '2027-01-01T00:00' }, ctx).campaignEnd).toMatch(/360 days/);
  });

  it('keeps registration inside the campaign (it opens at the campaign start)', () => {
    expect(dateErrors({ ...dates, registrationEnd: '2027-01-31T23:59' }, ctx).registrationEnd).toBeUndefined();
    expect(dateErrors({ ...dates, registrationEnd: '2027-02-01T00:00' }, ctx).registrationEnd).toMatch(/by the campaign end/);
    expect(dateErrors({ ...dates, registrationEnd: '2026-12-01T10:00' }, ctx).registrationEnd).toMatch(/after it opens/);
  });
});

describe('in Thai', () => {
  it('says what is wrong in the language in use', () => {
    activate(new Translator('th', th as unknown as Catalogue));
    try {
      const errors = validateCampaignForm({ ...valid, name: '', market: 'TH', messengerHandle: '', contactEmail: 'x' }, ctx);
      expect(errors.name).toBe('กรอกชื่อแคมเปญ');
      expect(errors.contactEmail).toBe('กรอกอีเมลที่ถูกต้อง');
      expect(errors.messengerHandle).toBe('ผู้ขายในตลาดนี้ต้องการช่องทางติดต่อ LINE');
      expect(validateCampaignForm({ ...valid, name: 'x'.repeat(200) }, ctx).name).toMatch(/^ชื่อยาวได้ไม่เกิน \d+ ตัวอักษร \(ตอนนี้ 200\)$/);
    } finally {
      activate(new Translator('en', en as unknown as Catalogue));
    }
  });
});
