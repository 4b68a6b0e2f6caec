/**
 * The plural form of a count in a language, from the browser's own CLDR rules (Intl.PluralRules), for screens
 * that must not load the ICU formatter with their first page: such a screen keeps a `.one` and an `.other`
 * message and picks one here (every supported language uses only these two forms, most only `other`).
 */
import type { LocaleCode } from './locales';

export function pluralForm(locale: LocaleCode, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}
