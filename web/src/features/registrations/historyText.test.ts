import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import en from '../../i18n/messages/en.json';
import th from '../../i18n/messages/th.json';
import { activate, loadFormatter, Translator } from '../../i18n/runtime';
import { PRODUCT_CATEGORIES } from './categories';
import { categoryLabel, categoryOptions } from './categoryOptions';
import { actionLabel, changeValue, fieldLabel, visibleChanges } from './historyText';

const speak = (code: string, messages: object): Translate => {
  const translator = activate(new Translator(code, messages as Catalogue));
  return (key, values) => translator.format(key, values);
};
beforeAll(loadFormatter);

describe('history text', () => {
  it('labels actions whatever their spelling, in the language in use', () => {
    const t = speak('en', en);
    expect(actionLabel(t, 'registration.approve')).toBe('Approved');
    expect(actionLabel(t, 'registration.reject_forever')).toBe('Rejected forever');
    expect(actionLabel(t, 'CANCELLATION_REQUEST')).toBe('Cancellation requested');
    expect(actionLabel(t, 'something_new')).toBe('Something new');
    const thai = speak('th', th);
    expect(actionLabel(thai, 'registration.reject')).toBe('ปฏิเสธแล้ว');
    expect(actionLabel(thai, 'registration.terms_update')).toBe('เปลี่ยนเงื่อนไขระหว่างรอพิจารณา');
  });

  it('labels fields', () => {
    const t = speak('en', en);
    expect(fieldLabel(t, 'totalRateBps')).toBe('Total rate');
    expect(fieldLabel(t, 'sample_quota')).toBe('Sample quota');
    expect(fieldLabel(t, 'someOtherField')).toBe('Some other field');
    expect(fieldLabel(speak('th', th), 'sampleQuota')).toBe('โควตาตัวอย่าง');
  });

  it('shows rates as percent, reject reasons in words and blanks as a dash', () => {
    speak('en', en);
    expect(changeValue('totalRateBps', '1250')).toBe('12.5%');
    expect(changeValue('total_rate_bps', '1000')).toBe('10%');
    expect(changeValue('sampleQuota', '5')).toBe('5');
    expect(changeValue('sampleQuota', null)).toBe('—');
    expect(changeValue('rejectReason', 'COMMISSION_TOO_LOW')).toBe('Commission too low');
    speak('th', th);
    expect(changeValue('rejectReason', 'COMMISSION_TOO_LOW')).toBe('ค่าคอมมิชชันต่ำเกินไป');
  });
});

describe('visibleChanges', () => {
  it('drops the status and unchanged values', () => {
    expect(
      visibleChanges([
        { field: 'status', from: 'PENDING', to: 'APPROVED' },
        { field: 'shopAdsRateBps', from: null, to: null },
        { field: 'sampleQuota', from: '0', to: '5' },
      ]).map((c) => c.field),
    ).toEqual(['sampleQuota']);
  });
});

describe('category options', () => {
  it('keep the server name as the value and show every category in the language in use', () => {
    const options = categoryOptions(speak('th', th));
    expect(options).toHaveLength(PRODUCT_CATEGORIES.length);
    expect(options.find((o) => o.value === 'Pet Supplies')?.label).toBe('อุปกรณ์สัตว์เลี้ยง');
    expect(options.every((o) => !o.label.startsWith('campaigns.'))).toBe(true);
    expect(categoryLabel(speak('en', en), 'Something new')).toBe('Something new');
  });
});
