import { createContext, useCallback, useContext } from 'react';
import type { MessageKey } from './catalogues';
import type { LocaleCode } from './locales';
import type { MessageValues, Translator } from './runtime';

export interface LocaleContextValue {
  locale: LocaleCode;
  /** Switches the language on this device (the switcher also stores it on the signed-in user). */
  setLocale: (code: LocaleCode) => void;
  translator: Translator;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <I18nProvider>');
  return value;
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** `t('key', {count})`: the message in the language in use (ICU: plurals, selects, numbers). */
export function useT(): Translate {
  const { translator } = useLocale();
  return useCallback((key: MessageKey, values?: MessageValues) => translator.format(key, values), [translator]);
}
