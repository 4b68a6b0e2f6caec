/** Chart rows of the earnings forecast: one per week, low / likely / high in whole minor units (exact integers). */
import { getDisplayLocale } from '../../lib/format';
import { moneyToMinor } from '../performance/money';

interface MoneyLike {
  amount: string;
  currency: string;
}

export interface ForecastWeekLike {
  start: string;
  band: { low: MoneyLike; likely: MoneyLike; high: MoneyLike; lines: number };
}

export interface ForecastRow {
  label: string;
  low: number;
  likely: number;
  high: number;
  [key: string]: string | number;
}

/** "2026-12-07" → "Dec 7" in English, "7 thg 12" in Vietnamese (UTC dates, like the API's weeks). */
export function weekLabel(start: string, locale: string = getDisplayLocale()): string {
  const [y, m, d] = start.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

export function forecastRows(weeks: ForecastWeekLike[]): ForecastRow[] {
  return weeks.map((w) => ({
    label: weekLabel(w.start),
    low: Number(moneyToMinor(w.band.low)),
    likely: Number(moneyToMinor(w.band.likely)),
    high: Number(moneyToMinor(w.band.high)),
  }));
}
