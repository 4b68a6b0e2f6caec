import { Link } from 'react-router';
import classes from './Shell.module.css';

export function Brand({ to, compact = false }: { to: string; compact?: boolean }) {
  return (
    <Link to={to} className={classes.brand} aria-label="Matchup home">
      <span className={classes.brandMark} aria-hidden>
        M
      </span>
      {!compact && <span>Matchup</span>}
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
