/**
 * The language of the app: the signed-in user's choice (Viewer.locale, applied by ViewerRoot), else the last
 * choice on this device, else the browser's languages, else English. Loads only that language's catalogue,
 * then renders the app in it; a switch loads the next catalogue before re-rendering.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setDisplayLocale } from '../lib/format';
import { loadCatalogue, loadedCatalogue, loadNamespaces } from './catalogues';
import { ERROR_NAMESPACE } from './namespaces';
import { LocaleContext, type LocaleContextValue } from './context';
import { intlTag, isLocaleCode, negotiateLocale, type LocaleCode } from './locales';
import { activate, Translator } from './runtime';

export const LOCALE_STORAGE_KEY = 'matchup.locale';

function storedLocale(): LocaleCode | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocaleCode(value) ? value : null;
  } catch {
    return null;
  }
}

function initialLocale(): LocaleCode {
  return storedLocale() ?? negotiateLocale(globalThis.navigator?.languages ?? []);
}

function translatorFor(code: LocaleCode): Translator | null {
  const catalogue = loadedCatalogue(code);
  if (!catalogue) return null;
  setDisplayLocale(intlTag(code));
  if (typeof document !== 'undefined') document.documentElement.lang = code;
  return activate(new Translator(intlTag(code), catalogue));
}

export function I18nProvider({ children, locale: given }: { children: ReactNode; locale?: LocaleCode }) {
  const [code, setCode] = useState<LocaleCode>(() => given ?? initialLocale());
  const [translator, setTranslator] = useState<Translator | null>(() => translatorFor(code));

  useEffect(() => {
    let live = true;
    void loadCatalogue(code).then(() => {
      if (live) setTranslator(translatorFor(code));
      // Server error messages: fetched once the first page is up, not before (namespaces.ts).
      const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
      idle(() => void loadNamespaces([ERROR_NAMESPACE]));
    });
    return () => {
      live = false;
    };
  }, [code]);

  const setLocale = useCallback((next: LocaleCode) => {
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setCode(next);
  }, []);

  const value = useMemo<LocaleContextValue | null>(
    () => (translator ? { locale: code, setLocale, translator } : null),
    [code, setLocale, translator],
  );
  if (!value) return null;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}
