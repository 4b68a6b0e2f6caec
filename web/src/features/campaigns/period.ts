/** Campaign periods as people read them, in the market's zone. */
import { formatDate, formatDateTime, getDisplayLocale } from '../../lib/format';

/** "Dec 1, 2026 – Jan 31, 2027" (dates only, for lists). */
export function formatPeriodDates(start: string, end: string, timeZone: string): string {
  return `${formatDate(start, timeZone)} – ${formatDate(end, timeZone)}`;
}

/** "Dec 1, 2026, 10:00 AM – Jan 31, 2027, 11:59 PM GMT+7" (the zone once, at the end). */
export function formatPeriod(start: string, end: string, timeZone: string): string {
  return `${formatDateTime(start, timeZone, { withZone: false })} – ${formatDateTime(end, timeZone)}`;
}

const DAY_MS = 86_400_000;

/** Whole days from `start` to `end`, rounded to the nearest day: the campaign length shown beside the dates. */
export function periodDays(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS);
}

/** A moment soon after now, as short as is clear: "2:32 PM GMT+7" today (in the zone), else date and time. */
export function formatMoment(instant: string, timeZone: string, now: Date = new Date()): string {
  if (formatDate(instant, timeZone) !== formatDate(now, timeZone)) return formatDateTime(instant, timeZone);
  return new Intl.DateTimeFormat(getDisplayLocale(), { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(instant));
}
