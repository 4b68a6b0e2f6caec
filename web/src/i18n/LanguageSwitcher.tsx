/**
 * The language menu of the shells and the login page: switches at once, and stores the choice on the signed-in
 * user (viewerLocaleSet). A native <select>: keyboard and screen-reader friendly, and no overlay code to load.
 */
import { IconLanguage } from '@tabler/icons-react';
import { useMutation } from 'urql';
import { ViewerLocaleSetDocument } from '../generated/graphql';
import { useViewerContext } from '../session/context';
import { useLocale, useT } from './context';
import { isLocaleCode, LOCALES, toApiLocale } from './locales';
import classes from './LanguageSwitcher.module.css';

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { viewer } = useViewerContext();
  const [, store] = useMutation(ViewerLocaleSetDocument);

  return (
    <span className={classes.wrap}>
      <IconLanguage size={16} aria-hidden className={classes.icon} />
      <select
        className={compact ? `${classes.select} ${classes.compact}` : classes.select}
        aria-label={t('language.label')}
        value={locale}
        data-testid="language-switcher"
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (!isLocaleCode(next)) return;
          setLocale(next);
          if (viewer) void store({ input: { locale: toApiLocale(next) } });
        }}
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
