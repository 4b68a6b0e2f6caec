import { describe, expect, it } from 'vitest';
import { formatShopCodes, parseShopCodes, shopCodesError } from './shopCodes';
import { inEnglish } from '../../../i18n/inEnglish';

inEnglish();

describe('parseShopCodes', () => {
  it('splits on newlines, commas, semicolons and spaces and normalises case', () => {
    const parsed = parseShopCodes('THCBELNL4Y\nphabc12345, VNZZ99XX77;  MYSHOP0001\t\r\nIDQWERTY12 ');
    expect(parsed.valid).toEqual(['THCBELNL4Y', 'PHABC12345', 'VNZZ99XX77', 'MYSHOP0001', 'IDQWERTY12']);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.duplicates).toBe(0);
  });

  it('flags codes in the wrong format and keeps their position', () => {
    const parsed = parseShopCodes('THCBELNL4Y, TH-123, ABC, THCBELNL4YTHCBELNL4Y1, good_code');
    expect(parsed.tokens.map((t) => [t.code, t.valid])).toEqual([
      ['THCBELNL4Y', true],
      ['TH-123', false],
      ['ABC', false],
      ['THCBELNL4YTHCBELNL4Y1', false],
      ['GOOD_CODE', false],
    ]);
    expect(parsed.invalid).toEqual(['TH-123', 'ABC', 'THCBELNL4YTHCBELNL4Y1', 'GOOD_CODE']);
  });

  it('drops repeated codes (case-insensitively) and counts them', () => {
    const parsed = parseShopCodes('THCBELNL4Y thcbelnl4y THCBELNL4Y PHABC12345');
    expect(parsed.valid).toEqual(['THCBELNL4Y', 'PHABC12345']);
    expect(parsed.duplicates).toBe(2);
  });

  it('treats blank input as no codes', () => {
    expect(parseShopCodes(' \n , ').tokens).toEqual([]);
  });
});

describe('shopCodesError', () => {
  it('requires 1–100 codes, all valid', () => {
    expect(shopCodesError(parseShopCodes(''))).toMatch(/at least one/);
    expect(shopCodesError(parseShopCodes('THCBELNL4Y'))).toBeNull();
    expect(shopCodesError(parseShopCodes('THCBELNL4Y x'))).toMatch(/1 code is not/);
    expect(shopCodesError(parseShopCodes('a b'))).toMatch(/2 codes are not/);
    const many = Array.from({ length: 101 }, (_, i) => `SHOP${String(i).padStart(6, '0')}`).join('\n');
    expect(shopCodesError(parseShopCodes(many))).toMatch(/At most 100 shops \(101 now\)/);
    expect(shopCodesError(parseShopCodes(many.split('\n').slice(0, 100).join(',')))).toBeNull();
  });

  it('formats codes one per line', () => {
    expect(formatShopCodes(['A00001', 'B00002'])).toBe('A00001\nB00002');
  });
});
