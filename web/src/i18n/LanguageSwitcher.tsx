/**
 * The language menu of the shells and the login page: switches at once, and stores the choice on the signed-in
 * user (viewerLocaleSet). A native <select>: keyboard and screen-reader friendly, and no overlay code to load.
 */
import { IconLanguage } from '@tabler/icons-react';
import { useLocale, useT } from './context';
import { LOCALES } from './locales';
import { useChooseLocale } from './useChooseLocale';
import classes from './LanguageSwitcher.module.css';

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const choose = useChooseLocale();
  const current = LOCALES.find((l) => l.code === locale) ?? LOCALES[0];

  // The select is as wide as the name it shows (the hidden sizer under it), so "Tiếng Việt" or "Bahasa Indonesia"
  // is never cut; the compact one, in the shells' header, is not shown on a phone, whose account menu has the
  // languages (UserMenuDropdown).
  return (
    <span className={compact ? `${classes.wrap} ${classes.compact}` : classes.wrap}>
      <IconLanguage size={16} aria-hidden className={classes.icon} />
      <span className={`${classes.select} ${classes.sizer}`} aria-hidden>
        {current.name}
      </span>
      <select
        className={classes.select}
        aria-label={t('language.label')}
        value={locale}
        data-testid="language-switcher"
        onChange={(event) => choose(event.currentTarget.value)}
      >
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </span>
  );
}
