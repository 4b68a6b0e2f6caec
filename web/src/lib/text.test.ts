import { describe, expect, it } from 'vitest';
import { initials } from './text';

describe('text helpers', () => {
  it('makes initials', () => {
    expect(initials('Linh Tran')).toBe('LT');
    expect(initials('  Ana  Maria  Santos ')).toBe('AS');
    expect(initials('shop')).toBe('S');
    expect(initials('')).toBe('?');
  });
});
