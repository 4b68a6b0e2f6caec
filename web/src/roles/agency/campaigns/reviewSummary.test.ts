/** The bulk review's summary (ReviewResults): one ICU message per decision, counts and word order per language. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../i18n/catalogues';
import en from '../../../i18n/messages/en.json';
import fil from '../../../i18n/messages/fil.json';
import th from '../../../i18n/messages/th.json';
import { loadFormatter, Translator } from '../../../i18n/runtime';

beforeAll(loadFormatter);
const say = (messages: object, code: string) => new Translator(code, messages as Catalogue);

describe('review summary', () => {
  it('counts what changed and, only when something did not, what did not', () => {
    const english = say(en, 'en');
    expect(english.format('campaigns.registrations.result.approved', { done: 3, failed: 0 })).toBe('3 approved');
    expect(english.format('campaigns.registrations.result.approved', { done: 3, failed: 1 })).toBe('3 approved, 1 not changed');
    expect(english.format('campaigns.registrations.result.closed', { done: 2, failed: 0 })).toBe('2 closed (cancellation approved)');
  });

  it('reads in each language’s own order', () => {
    expect(say(th, 'th').format('campaigns.registrations.result.rejected', { done: 2, failed: 1 })).toBe('ปฏิเสธแล้ว 2 รายการ, ไม่เปลี่ยน 1 รายการ');
    expect(say(th, 'th').format('campaigns.registrations.result.rejected', { done: 1, failed: 0 })).toBe('ปฏิเสธแล้ว 1 รายการ');
    expect(say(fil, 'fil').format('campaigns.registrations.result.kept', { done: 1, failed: 2 })).toBe('1 ang itinuloy (tinanggihan ang pagkansela), 2 ang hindi nabago');
  });
});
