import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRATION_STATUS, REGISTRATION_STATUSES } from './registrationStatus';
import { SAMPLE_STATUS, SAMPLE_STATUSES, SAMPLE_STEPS, SHIPMENT_STATUS_LABEL } from '../samples/sampleStatus';
import type { Catalogue } from '../../i18n/catalogues';
import en from '../../i18n/messages/en.json';
import th from '../../i18n/messages/th.json';
import { activate, loadFormatter, Translator } from '../../i18n/runtime';
import { MARKETS, marketName, regionName } from '../../lib/markets';
import { REJECT_REASON_LABEL, REJECT_REASONS, reasonLabel } from './rejectReasons';

const speak = (code: string, messages: object) => activate(new Translator(code, messages as Catalogue));
beforeAll(loadFormatter);

describe('status labels', () => {
  it('read in the language in use each time they are read, so a switch needs no reload', () => {
    speak('en', en);
    expect(REGISTRATION_STATUS.APPROVED.label).toBe('Ongoing');
    expect(SAMPLE_STATUS.OVERDUE.description).toBe('No content was posted by the deadline.');
    expect(SHIPMENT_STATUS_LABEL.IN_TRANSIT).toBe('In transit');
    expect(SAMPLE_STEPS.map((s) => s.label)).toEqual(['Requested', 'Approved', 'Shipped', 'Delivered', 'Content posted']);
    speak('th', th);
    expect(REGISTRATION_STATUS.APPROVED.label).toBe('กำลังดำเนินการ');
    expect(SHIPMENT_STATUS_LABEL.IN_TRANSIT).toBe('อยู่ระหว่างขนส่ง');
    expect(SAMPLE_STEPS[0]!.label).toBe('ขอแล้ว');
  });

  it('have a message for every status, label and description (not the key shown as a fallback)', () => {
    speak('en', en);
    const shown = [
      ...REGISTRATION_STATUSES.flatMap((s) => [REGISTRATION_STATUS[s].label, REGISTRATION_STATUS[s].description]),
      ...SAMPLE_STATUSES.flatMap((s) => [SAMPLE_STATUS[s].label, SAMPLE_STATUS[s].description]),
      ...Object.values(SHIPMENT_STATUS_LABEL),
    ];
    expect(shown.filter((text) => /^[a-z]+\.[a-zA-Z.]+$/.test(text))).toEqual([]);
    expect(Object.keys(SHIPMENT_STATUS_LABEL)).toEqual(['SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED']);
  });
});

describe('reject reasons', () => {
  it('read in the language in use, as a map and from a history entry, free text as given', () => {
    speak('en', en);
    expect(REJECT_REASON_LABEL.COMMISSION_TOO_LOW).toBe('Commission too low');
    expect(REJECT_REASONS.map((r) => REJECT_REASON_LABEL[r]).every((l) => !l.startsWith('seller.'))).toBe(true);
    speak('th', th);
    expect(REJECT_REASON_LABEL.PRODUCT_TOO_EXPENSIVE).toBe('สินค้าราคาสูงเกินไป');
    expect(reasonLabel('NO_SUITABLE_CREATOR')).toBe('ไม่มีครีเอเตอร์ที่เหมาะสม');
    expect(reasonLabel('Out of stock')).toBe('Out of stock');
    expect(reasonLabel(null)).toBeNull();
  });
});

describe('market names', () => {
  it('come from Intl in the language in use, with the English name when Intl lacks the code', () => {
    speak('en', en);
    expect(marketName('US')).toBe('United States');
    speak('th', th);
    expect(marketName('TH')).toBe('ไทย');
    expect(MARKETS.US.name).toBe('สหรัฐอเมริกา');
    speak('vi', {});
    expect(MARKETS.VN.name).toBe('Việt Nam');
    expect(regionName('XX', 'th')).toBeNull();
  });
});
