import { describe, expect, it } from 'vitest';
import { currencyTimeZone, partyRows } from './receipt';

const thb = (amount: string) => ({ amount, currency: 'THB' });

describe('receipt', () => {
  it('shows times in the market zone of the line currency', () => {
    expect(currencyTimeZone('THB')).toBe('Asia/Bangkok');
    expect(currencyTimeZone('USD')).toBe('America/Los_Angeles');
    expect(currencyTimeZone('XXX')).toBe('UTC');
  });

  it('has a row only for the parties the viewer may see', () => {
    const creatorView = partyRows({
      firstEstimate: { seller: null, creator: thb('6.00'), agency: null },
      estimated: { seller: null, creator: thb('0.00'), agency: null },
      actual: { seller: null, creator: thb('4.50'), agency: null },
      dueNow: { seller: null, creator: thb('4.50'), agency: null },
    });
    expect(creatorView).toEqual([{ party: 'creator', firstEstimate: thb('6.00'), estimated: thb('0.00'), actual: thb('4.50'), dueNow: thb('4.50') }]);

    const agencyView = partyRows({
      firstEstimate: null,
      estimated: { seller: thb('8.00'), creator: thb('6.00'), agency: thb('2.00') },
      actual: null,
      dueNow: { seller: thb('8.00'), creator: thb('6.00'), agency: thb('2.00') },
    });
    expect(agencyView.map((r) => r.party)).toEqual(['seller', 'creator', 'agency']);
    expect(agencyView[0]!.actual).toBeNull();
  });
});
