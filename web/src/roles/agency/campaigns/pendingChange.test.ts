import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../i18n/messages/en.json';
import type { Catalogue } from '../../../i18n/catalogues';
import type { Translate } from '../../../i18n/context';
import { loadFormatter, Translator } from '../../../i18n/runtime';
import { pendingChangeRows, type CampaignChangeValues } from './pendingChange';

// The messages in English, as the app shows them.
const english = new Translator('en', en as unknown as Catalogue);
const t: Translate = (key, values) => english.format(key, values);
beforeAll(loadFormatter);

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const effective: CampaignChangeValues = {
  name: 'Year-end push',
  description: 'Beauty',
  sellerRequirements: '',
  commissionRequirementBps: 1250,
  contact: { email: 'team@agency.test', phone: null, messenger: 'LINE', messengerHandle: '@agency' },
  registrationStart: '2026-12-01T03:00:00Z',
  registrationEnd: '2027-01-15T16:59:00Z',
  campaignStart: '2026-12-01T03:00:00Z',
  campaignEnd: '2027-01-31T16:59:00Z',
  targetingMode: 'SELECTED',
  targetSellerType: 'LOCAL',
  targetShopCodes: ['THAB12CD34'],
};

const none: CampaignChangeValues = {
  name: null,
  description: null,
  sellerRequirements: null,
  commissionRequirementBps: null,
  contact: null,
  registrationStart: null,
  registrationEnd: null,
  campaignStart: null,
  campaignEnd: null,
  targetingMode: null,
  targetSellerType: null,
  targetShopCodes: null,
};

describe('pendingChangeRows', () => {
  it('lists the changed fields with effective and pending values, formatted', () => {
    const rows = pendingChangeRows(
      t,
      effective,
      { ...none, commissionRequirementBps: 1500, campaignEnd: '2027-02-28T16:59:00Z', targetSellerType: null },
      ['campaignEnd', 'commissionRequirementBps', 'targetSellerType'],
      'Asia/Bangkok',
    );
    expect(rows.map((r) => [r.label, norm(r.before), norm(r.after)])).toEqual([
      ['Commission requirement', '12.5%', '15%'],
      ['Campaign end', 'Jan 31, 2027, 11:59 PM GMT+7', 'Feb 28, 2027, 11:59 PM GMT+7'],
      ['Seller type', 'Local sellers only', 'Any seller type'],
    ]);
  });

  it('formats contact and shop codes', () => {
    const rows = pendingChangeRows(
      t,
      effective,
      {
        ...none,
        contact: { email: 'new@agency.test', phone: '+66 2 123 4567', messenger: 'LINE', messengerHandle: '@new' },
        targetShopCodes: ['THAB12CD34', 'THCBELNL4Y'],
      },
      ['contact', 'targetShopCodes'],
      'Asia/Bangkok',
    );
    expect(rows.map((r) => r.after)).toEqual(['new@agency.test · +66 2 123 4567 · LINE @new', '2 shops: THAB12CD34, THCBELNL4Y']);
    expect(rows[0]!.before).toBe('team@agency.test · LINE @agency');
  });

  it('falls back to the non-null values when the field list is empty', () => {
    expect(pendingChangeRows(t, effective, { ...none, name: 'New name' }, [], 'UTC').map((r) => r.field)).toEqual(['name']);
  });
});
