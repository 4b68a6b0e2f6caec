import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from './messages/en.json';
import th from './messages/th.json';
import vi from './messages/vi.json';
import type { Catalogue } from './catalogues';
import { loadFormatter, Translator } from './runtime';
import { minorToDecimal, notificationText } from './notificationText';
import { DEFAULT_LOCALE, setDisplayLocale } from '../lib/format';

const thai = new Translator('th', th as unknown as Catalogue);
const vietnamese = new Translator('vi', vi as unknown as Catalogue);
const english = new Translator('en', en as unknown as Catalogue);
const BANGKOK = 'Asia/Bangkok';

beforeAll(async () => {
  await loadFormatter();
  setDisplayLocale('en-US');
});
afterAll(() => setDisplayLocale(DEFAULT_LOCALE));

function note(kind: string, params: unknown) {
  return { kind, params, title: 'English title', body: 'English body.' };
}

describe('notificationText', () => {
  it('writes a known kind in the reader’s language from its values, money through the money formatter', () => {
    const bill = note('BILL_ISSUED', {
      period: '2026-11',
      amount: { amountMinor: 123450, currency: 'THB' },
      bankAccount: 'none',
    });
    expect(notificationText(bill, BANGKOK, thai)).toEqual({
      title: 'บิลงวด 2026-11 ของคุณ: ฿1,234.50',
      body: 'รายได้ที่ชำระยอดแล้วของงวด 2026-11 เชื่อมบัญชีธนาคารในบัญชีรับเงินของคุณเพื่อรับเงิน การโอนเงินจะรอจนกว่าคุณจะเชื่อม',
    });
    const linked = note('BILL_ISSUED', { period: '2026-11', amount: { amountMinor: 5000, currency: 'VND' }, bankAccount: 'linked' });
    expect(notificationText(linked, BANGKOK, english)).toEqual({
      title: 'Your 2026-11 bill: ₫5,000',
      body: 'Your settled earnings of 2026-11. They are paid to your linked bank account in the next payout run.',
    });
  });

  it('counts with plurals and leaves out a value the notification does not show (null)', () => {
    const one = note('REGISTRATION_APPROVED', { count: 1, product: 'Serum', campaign: 'Summer' });
    expect(notificationText(one, BANGKOK, vietnamese)).toEqual({ title: 'Đăng ký đã được duyệt', body: 'Serum trong Summer.' });
    const three = note('REGISTRATION_APPROVED', { count: 3, product: null, campaign: 'Summer' });
    expect(notificationText(three, BANGKOK, vietnamese)).toEqual({
      title: '3 đăng ký đã được duyệt',
      body: '3 sản phẩm trong Summer.',
    });
    const linked = note('BANK_ACCOUNT_LINKED', { account: 'KBank ••••1234', previous: null });
    expect(notificationText(linked, BANGKOK, english).body).toBe('Payouts now go to KBank ••••1234.');
    const replaced = note('BANK_ACCOUNT_LINKED', { account: 'KBank ••••1234', previous: '••••9876' });
    expect(notificationText(replaced, BANGKOK, english).body).toBe('Payouts now go to KBank ••••1234. ••••9876 was unlinked.');
  });

  it('shows instants in the market’s time zone and rates as percent', () => {
    const cut = note('SHOWCASE_RATE_DECREASE_SCHEDULED', {
      product: 'Serum',
      campaign: 'Summer',
      agency: 'Glow',
      rateBps: 1250,
      newRateBps: 1000,
      effectiveAt: '2026-12-31T20:00:00+00:00',
    });
    expect(notificationText(cut, BANGKOK, english).body).toBe(
      'Serum (Summer · Glow): from 12.5% to 10% on Jan 1, 2027, 3:00 AM GMT+7. Until then you keep 12.5%.',
    );
    const dispute = note('DISPUTE_OPENED', {
      disputeType: 'MISSING_ORDER',
      product: 'Serum',
      status: null,
      dueAt: '2026-12-10T05:00:00+00:00',
    });
    expect(notificationText(dispute, BANGKOK, thai)).toEqual({
      title: 'มีการเปิดข้อโต้แย้ง',
      body: 'คำสั่งซื้อหายไป: Serum. เอเจนซีต้องตอบภายใน Dec 10, 2026, 12:00 PM GMT+7',
    });
  });

  it('writes the wording meant for each recipient of a kind sent to two parties', () => {
    const shipped = { product: 'Serum', carrier: 'Kerry', trackingNumber: 'KE1' };
    expect(notificationText(note('SAMPLE_SHIPPED', { to: 'creator', ...shipped }), BANGKOK, english)).toEqual({
      title: 'Your sample was shipped',
      body: 'Serum was shipped (Kerry KE1).',
    });
    expect(notificationText(note('SAMPLE_SHIPPED', { to: 'agency', product: 'Serum' }), BANGKOK, english)).toEqual({
      title: 'A sample was shipped',
      body: 'Serum was shipped.',
    });
  });

  it('falls back to the server’s English for an unknown kind, a notification without values, or values that do not fit', () => {
    const server = { title: 'English title', body: 'English body.' };
    expect(notificationText(note('SOMETHING_NEW', { x: 1 }), BANGKOK, thai)).toEqual(server);
    expect(notificationText(note('BILL_ISSUED', null), BANGKOK, thai)).toEqual(server);
    expect(notificationText(note('SHOWCASE_ENDED', { count: 2, products: 'A, B' }), BANGKOK, thai)).toEqual(server);
  });

  it('turns minor units into the decimal string the money formatter takes', () => {
    expect(minorToDecimal(123450, 'THB')).toBe('1234.50');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-250, 'MYR')).toBe('-2.50');
    expect(minorToDecimal(250000, 'VND')).toBe('250000');
  });
});
