import { Link } from 'react-router';
import { useT } from '../i18n/context';
import classes from './Shell.module.css';

/** The product mark and name. `collapseOnPhone` keeps only the mark on narrow screens (crowded headers). */
export function Brand({ to, collapseOnPhone = false }: { to: string; collapseOnPhone?: boolean }) {
  const t = useT();
  return (
    <Link to={to} className={classes.brand}>
      <span className={classes.brandMark} aria-hidden>
        M
      </span>
      <span className={collapseOnPhone ? classes.brandTextCollapsible : undefined}>Matchup</span>
      {/* Named by its visible text plus hidden words, not aria-label (WCAG 2.5.3 label in name). */}
      <span className={classes.visuallyHidden}> {t('shell.brandHome')}</span>
    </Link>
  );
}

export function SkipLink() {
  const t = useT();
  return (
    <a href="#main-content" className={classes.skipLink}>
      {t('shell.skipToContent')}
    </a>
  );
}
