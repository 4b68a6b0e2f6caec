import { describe, expect, it } from 'vitest';
import { actionLabel, changeValue, fieldLabel, visibleChanges } from './historyText';

describe('history text', () => {
  it('labels actions whatever their spelling', () => {
    expect(actionLabel('registration.approve')).toBe('Approved');
    expect(actionLabel('registration.reject_forever')).toBe('Rejected forever');
    expect(actionLabel('CANCELLATION_REQUEST')).toBe('Cancellation requested');
    expect(actionLabel('something_new')).toBe('Something new');
  });

  it('labels fields', () => {
    expect(fieldLabel('totalRateBps')).toBe('Total rate');
    expect(fieldLabel('sample_quota')).toBe('Sample quota');
    expect(fieldLabel('someOtherField')).toBe('Some other field');
  });

  it('shows rates as percent and blanks as a dash', () => {
    expect(changeValue('totalRateBps', '1250')).toBe('12.5%');
    expect(changeValue('total_rate_bps', '1000')).toBe('10%');
    expect(changeValue('sampleQuota', '5')).toBe('5');
    expect(changeValue('sampleQuota', null)).toBe('—');
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
