import { describe, expect, it } from 'vitest';
import { EMPTY_CAMPAIGN_FORM, type CampaignFormValues } from './campaignFormRules';
import { campaignToFormValues, toCreateInput, toUpdateInput, type EditableCampaign } from './campaignInput';

const TZ = 'Asia/Bangkok';

const values: CampaignFormValues = {
  ...EMPTY_CAMPAIGN_FORM,
  name: '  Year-end push ',
  description: 'Beauty and skincare',
  market: 'TH',
  sellerRequirements: 'Rating 4.5+',
  commissionRequirement: '12.5',
  contactEmail: 'team@agency.test ',
  messengerHandle: '@agency',
  campaignStart: '2026-12-01T10:00',
  campaignEnd: '2027-01-31T23:59',
  registrationEnd: '2027-01-15T23:59',
  targetingMode: 'SELECTED',
  shopCodes: 'thcbelnl4y, THAB12CD34 thcbelnl4y',
};

describe('toCreateInput', () => {
  it('converts wall times in the market zone, percent to bps, and fills the market messenger', () => {
    expect(toCreateInput(values, TZ)).toEqual({
      name: 'Year-end push',
      description: 'Beauty and skincare',
      market: 'TH',
      sellerRequirements: 'Rating 4.5+',
      commissionRequirementBps: 1250,
      contact: { email: 'team@agency.test', phone: null, messenger: 'LINE', messengerHandle: '@agency' },
      registrationStart: '2026-12-01T03:00:00.000Z',
      campaignStart: '2026-12-01T03:00:00.000Z',
      registrationEnd: '2027-01-15T16:59:00.000Z',
      campaignEnd: '2027-01-31T16:59:00.000Z',
      targeting: { mode: 'SELECTED', shopCodes: ['THCBELNL4Y', 'THAB12CD34'], sellerType: null },
    });
  });

  it('sends no messenger when the optional US one is empty, and no codes for open targeting', () => {
    const input = toCreateInput({ ...values, market: 'US', messengerHandle: '', targetingMode: 'OPEN' }, 'America/Los_Angeles');
    expect(input.contact.messenger).toBeNull();
    expect(input.contact.messengerHandle).toBeNull();
    expect(input.targeting).toEqual({ mode: 'OPEN', shopCodes: null, sellerType: null });
  });
});

describe('campaignToFormValues and toUpdateInput', () => {
  const campaign: EditableCampaign = {
    name: 'Year-end push',
    description: 'Beauty',
    market: 'TH',
    sellerRequirements: '',
    commissionRequirementBps: 1250,
    contact: { email: 'team@agency.test', phone: null, messenger: 'LINE', messengerHandle: '@agency' },
    campaignStart: '2026-12-01T03:00:00Z',
    campaignEnd: '2027-01-31T16:59:00Z',
    registrationEnd: '2027-01-15T16:59:00Z',
    targetingMode: 'OPEN',
    targetSellerType: null,
    targetShopCodes: null,
  };
  const initial = campaignToFormValues(campaign, TZ);

  it('shows the effective values in the market zone', () => {
    expect(initial).toMatchObject({
      commissionRequirement: '12.5',
      campaignStart: '2026-12-01T10:00',
      registrationEnd: '2027-01-15T23:59',
      messengerHandle: '@agency',
      shopCodes: '',
      sellerType: '',
    });
  });

  it('is null when nothing changed', () => {
    expect(toUpdateInput('C1', { ...initial, name: ` ${initial.name} `, commissionRequirement: '12.50' }, initial, TZ)).toBeNull();
  });

  it('sends only what changed; the start moves registration start with it', () => {
    expect(toUpdateInput('C1', { ...initial, campaignStart: '2026-12-02T10:00' }, initial, TZ)).toEqual({
      id: 'C1',
      campaignStart: '2026-12-02T03:00:00.000Z',
      registrationStart: '2026-12-02T03:00:00.000Z',
    });
    expect(toUpdateInput('C1', { ...initial, commissionRequirement: '15' }, initial, TZ)).toEqual({ id: 'C1', commissionRequirementBps: 1500 });
  });

  it('sends contact and targeting whole', () => {
    expect(toUpdateInput('C1', { ...initial, contactPhone: '+66 2 123 4567' }, initial, TZ)).toEqual({
      id: 'C1',
      contact: { email: 'team@agency.test', phone: '+66 2 123 4567', messenger: 'LINE', messengerHandle: '@agency' },
    });
    expect(toUpdateInput('C1', { ...initial, targetingMode: 'SELECTED', shopCodes: 'THCBELNL4Y' }, initial, TZ)).toEqual({
      id: 'C1',
      targeting: { mode: 'SELECTED', shopCodes: ['THCBELNL4Y'], sellerType: null },
    });
  });
});
