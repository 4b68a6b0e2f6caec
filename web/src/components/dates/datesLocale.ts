/**
 * The calendar's language: Mantine's date inputs name months and weekdays through dayjs, whose locales are loaded
 * here on first use (one small chunk per language), so every date input reads in the user's language.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useEffect, useState } from 'react';
import { useLocale } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import type { LocaleCode } from '../../i18n/locales';

dayjs.extend(customParseFormat);

/** dayjs's name of each language (Filipino is Tagalog as spoken in the Philippines). */
const DAYJS_LOCALE: Record<LocaleCode, string> = { en: 'en', th: 'th', vi: 'vi', id: 'id', ms: 'ms', fil: 'tl-ph' };

const LOADERS: Record<Exclude<LocaleCode, 'en'>, () => Promise<unknown>> = {
  th: () => import('dayjs/locale/th'),
  vi: () => import('dayjs/locale/vi'),
  id: () => import('dayjs/locale/id'),
  ms: () => import('dayjs/locale/ms'),
  fil: () => import('dayjs/locale/tl-ph'),
};

const loaded = new Set<LocaleCode>(['en']);

/** The dayjs locale of the user's language once it is loaded ('en' until then). */
export function useDatesLocale(): string {
  const { locale } = useLocale();
  const [, arrived] = useState(0);
  useEffect(() => {
    if (loaded.has(locale)) return;
    let live = true;
    void LOADERS[locale as Exclude<LocaleCode, 'en'>]().then(() => {
      loaded.add(locale);
      if (live) arrived((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [locale]);
  return loaded.has(locale) ? DAYJS_LOCALE[locale] : 'en';
}

/** A day ("2026-12-05") as every date of the app reads: "Dec 5, 2026" in English, the language's own order and
 * month names otherwise (lib/format.ts, Intl). */
export function formatDay(day: string): string {
  return day ? formatDate(`${day.slice(0, 10)}T00:00:00Z`, 'UTC') : '';
}

/** Days typed as the inputs show them, besides ISO. */
const TYPED_FORMATS = ['MMM D, YYYY', 'D MMM YYYY', 'D MMMM YYYY', 'MMMM D, YYYY'];

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/;

/**
 * What a date input makes of typed text: an ISO day ("2026-12-05", with an optional time that `onTime` receives)
 * or a day as the input shows it ("Dec 5, 2026", "5 Dec 2026": month names in the user's language). Null when it is neither (yet).
 */
export function parseDay(text: string, locale: string, onTime?: (time: string) => void): string | null {
  const trimmed = text.trim();
  const iso = ISO_DAY.exec(trimmed);
  if (iso) {
    const day = dayjs(iso[1], 'YYYY-MM-DD', true);
    if (!day.isValid()) return null;
    if (iso[2]) onTime?.(iso[2]);
    return iso[1]!;
  }
  const shown = dayjs(trimmed, TYPED_FORMATS, locale, true);
  return shown.isValid() ? shown.format('YYYY-MM-DD') : null;
}
