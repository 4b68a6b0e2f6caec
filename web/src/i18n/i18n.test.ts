/**
 * The catalogues and the components, checked by the same code as `npm run i18n:check` (scripts/i18n-check.mjs):
 * a missing key in any language, invalid ICU, a placeholder that differs from English, an error code of the
 * API without a message, or a literal in a component that is not pending conversion fails the suite.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script shared with the CLI; its exports are checked by these tests.
import * as check from '../../scripts/i18n-check.mjs';
import { negotiateLocale } from './locales';

type Problems = Record<'missing' | 'extra' | 'invalid' | 'placeholders', string[]>;
type Literal = { line: number; text: string; kind: string };

describe('catalogues', () => {
  it('have every key of en.json in every language, nothing else, valid ICU and the same placeholders', () => {
    const problems: Problems = check.checkCatalogues();
    expect(problems).toEqual({ missing: [], extra: [], invalid: [], placeholders: [] });
  });

  it('fail on a missing key, broken ICU and a changed placeholder', () => {
    const catalogues = check.loadCatalogues();
    const en = { ...catalogues.en, 'x.count': '{count, plural, one {# item} other {# items}}' };
    const broken = {
      ...catalogues,
      en,
      th: { ...catalogues.th, 'x.count': '{count, plural, other {# รายการ}' },
      vi: { ...catalogues.vi, 'x.count': '{n, plural, other {# mục}}' },
    };
    const problems: Problems = check.checkCatalogues(broken);
    expect(problems.missing).toEqual(['id: x.count', 'ms: x.count', 'fil: x.count']);
    expect(problems.invalid).toEqual([expect.stringMatching(/^th: x\.count: /)]);
    expect(problems.placeholders).toEqual(['vi: x.count: {n} instead of {count}']);
  });

  it('map every error code of the API', () => {
    const codes: string[] = check.schemaErrorCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toContain('INVALID_CREDENTIALS');
    expect(check.unmappedErrorCodes()).toEqual([]);
    expect(check.unmappedErrorCodes({})).toEqual(codes);
  });
});

describe('components', () => {
  it('show no literal outside the pending files and the allow-list', () => {
    const { untranslated, cleared } = check.scanLiterals() as { untranslated: string[]; cleared: string[] };
    expect(untranslated).toEqual([]);
    // A pending file that is fully converted must leave the list.
    expect(cleared).toEqual([]);
  }, 60_000); // parses every source file

  it('find JSX text, user-facing attributes, toast fields and conditional strings', () => {
    const source = `
      export function X({ open }: { open: boolean }) {
        notifications.show({ title: 'Saved', message: t('ok') });
        return (
          <div aria-label="Main menu" className="a-b" data-testid="thing">
            Hello there {open ? 'Close' : t('open')} {'THB'}
            <Input placeholder={\`Search \${n}\`} label={t('x')} />
          </div>
        );
      }`;
    const found: Literal[] = check.literalsOf(source, 'X.tsx');
    expect(found.map((l) => `${l.kind} ${l.text}`)).toEqual([
      'title: Saved',
      'aria-label= Main menu',
      'jsx text Hello there',
      'jsx text Close',
      'placeholder= Search',
    ]);
  });
});

describe('word maps in modules', () => {
  it('find words in a Record<…, string> or a …LABEL constant, and attributes named *Label, but not maps of codes', () => {
    const source = `
      export const REASON_LABEL: Readonly<Record<Reason, string>> = { LOW: 'Commission too low', HIGH: \`Too \${x}\` };
      const STATUS_TEXT = { ok: 'Approved' };
      const WORDS = { a: 'Hello there' } as Record<string, string>;
      const COLOR: Record<Status, string> = { ok: 'teal', bad: 'red' };
      const KEY: Record<Status, MessageKey> = { ok: 'seller.status.ok' };
      const LOCALE: Record<Code, string> = { en: 'en', th: 'th', fil: 'tl' };
      const SUFFIX: Record<Shipment, string> = { IN_TRANSIT: 'inTransit' };
      const config = { name: 'Something else' };
      export function X() {
        return <Alert closeButtonLabel="Dismiss results" labelPosition="left" data-label="Ignored words" />;
      }`;
    const found: Literal[] = check.literalsOf(source, 'X.tsx');
    expect(found.map((l) => `${l.kind} ${l.text}`)).toEqual([
      'REASON_LABEL value Commission too low',
      'REASON_LABEL value Too',
      'STATUS_TEXT value Approved',
      'WORDS value Hello there',
      'closeButtonLabel= Dismiss results',
    ]);
  });
});

describe('negotiateLocale', () => {
  it('picks the first supported browser language, by base tag and aliases, else English', () => {
    expect(negotiateLocale(['fr-FR', 'th-TH', 'en'])).toBe('th');
    expect(negotiateLocale(['tl-PH'])).toBe('fil');
    expect(negotiateLocale(['ms'])).toBe('ms');
    expect(negotiateLocale(['de'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });
});
