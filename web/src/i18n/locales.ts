/**
 * The web app's languages. `code` is what the API stores (Viewer.locale, lower-cased) and what catalogues are
 * named by; `intl` is the tag given to Intl (numbers, money, dates) and to react-intl (plural rules).
 */
export const LOCALES = [
  { code: 'en', intl: 'en-US', name: 'English' },
  { code: 'th', intl: 'th-TH', name: 'ไทย' },
  { code: 'vi', intl: 'vi-VN', name: 'Tiếng Việt' },
  { code: 'id', intl: 'id-ID', name: 'Bahasa Indonesia' },
  { code: 'ms', intl: 'ms-MY', name: 'Bahasa Melayu' },
  { code: 'fil', intl: 'fil-PH', name: 'Filipino' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

export const DEFAULT_LOCALE_CODE: LocaleCode = 'en';

const CODES: ReadonlySet<string> = new Set(LOCALES.map((l) => l.code));

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && CODES.has(value);
}

export function intlTag(code: LocaleCode): string {
  return LOCALES.find((l) => l.code === code)!.intl;
}

/** Tagalog (tl) is Filipino's base; Malay is also tagged zsm by some browsers. */
const ALIASES: Readonly<Record<string, LocaleCode>> = { tl: 'fil', zsm: 'ms', in: 'id' };

/**
 * The first supported language in the browser's preference order ("th-TH" → th, "tl" → fil), else English.
 */
export function negotiateLocale(preferences: ReadonlyArray<string>): LocaleCode {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLocaleCode(base)) return base;
    const alias = ALIASES[base];
    if (alias) return alias;
  }
  return DEFAULT_LOCALE_CODE;
}

/** The API's Locale enum value (EN, TH, …, FIL) for a code, and back. */
export function toApiLocale(code: LocaleCode): Uppercase<LocaleCode> {
  return code.toUpperCase() as Uppercase<LocaleCode>;
}

export function fromApiLocale(value: string | null | undefined): LocaleCode | null {
  const code = value?.toLowerCase();
  return isLocaleCode(code) ? code : null;
}
