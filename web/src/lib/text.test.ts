import { describe, expect, it } from 'vitest';
import { initials, sellerTypeLabel } from './text';

describe('text helpers', () => {
  it('makes initials', () => {
    expect(initials('Linh Tran')).toBe('LT');
    expect(initials('  Ana  Maria  Santos ')).toBe('AS');
    expect(initials('shop')).toBe('S');
    expect(initials('')).toBe('?');
  });

  it('labels seller types', () => {
    expect(sellerTypeLabel('LOCAL')).toBe('Local seller');
    expect(sellerTypeLabel('CROSS_BORDER')).toBe('Cross-border seller');
    expect(sellerTypeLabel('OTHER')).toBe('OTHER');
  });
});
