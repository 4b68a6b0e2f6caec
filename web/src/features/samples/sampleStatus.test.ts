import { describe, expect, it } from 'vitest';
import { canExtend, nextShipmentStatuses, sampleStep } from './sampleStatus';

describe('sample status helpers', () => {
  it('offers the shipment events the server accepts next', () => {
    expect(nextShipmentStatuses('APPROVED')).toEqual(['SHIPPED']);
    expect(nextShipmentStatuses('SHIPPED')).toEqual(['IN_TRANSIT', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED']);
    expect(nextShipmentStatuses('DELIVERED')).toEqual([]);
    expect(nextShipmentStatuses('REQUESTED')).toEqual([]);
  });

  it('places a sample on the happy path', () => {
    expect(sampleStep('REQUESTED')).toBe(0);
    expect(sampleStep('SHIPPED')).toBe(2);
    expect(sampleStep('CONTENT_POSTED')).toBe(4);
    expect(sampleStep('OVERDUE')).toBe(3);
  });

  it('allows the one extension only after delivery and before the deadline', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const due = '2026-12-05T00:00:00Z';
    expect(canExtend({ status: 'DELIVERED', extensionUsed: false, contentDueAt: due }, now)).toBe(true);
    expect(canExtend({ status: 'DELIVERED', extensionUsed: true, contentDueAt: due }, now)).toBe(false);
    expect(canExtend({ status: 'DELIVERED', extensionUsed: false, contentDueAt: '2026-11-30T00:00:00Z' }, now)).toBe(false);
    expect(canExtend({ status: 'SHIPPED', extensionUsed: false, contentDueAt: null }, now)).toBe(false);
  });
});
