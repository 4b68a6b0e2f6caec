import { Link } from 'react-router';
import classes from './Shell.module.css';

/** The product mark and name. `collapseOnPhone` keeps only the mark on narrow screens (crowded headers). */
export function Brand({ to, collapseOnPhone = false }: { to: string; collapseOnPhone?: boolean }) {
  return (
    <Link to={to} className={classes.brand}>
      <span className={classes.brandMark} aria-hidden>
        M
      </span>
      <span className={collapseOnPhone ? classes.brandTextCollapsible : undefined}>Matchup</span>
      <span className={classes.visuallyHidden}> home</span>
    </Link>
  );
}

export function SkipLink() {
  return (
    <a href="#main-content" className={classes.skipLink}>
      Skip to content
    </a>
  );
}
