import { describe, expect, it } from 'vitest';
import { addressLines } from './address';

describe('shipping address', () => {
  it('lays out an address as label lines, skipping empty parts', () => {
    expect(
      addressLines({
        recipientName: 'Ploy Chanida',
        phone: '+66 81 234 5678',
        line1: '88/12 Sukhumvit Soi 31',
        line2: null,
        city: 'Bangkok',
        region: 'Khlong Toei',
        postalCode: '10110',
        country: 'TH',
      }),
    ).toEqual(['Ploy Chanida', '88/12 Sukhumvit Soi 31', 'Bangkok, Khlong Toei 10110', 'TH', '+66 81 234 5678']);
  });
});
