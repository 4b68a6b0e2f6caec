import { getDisplayLocale, type DateInput } from './format';

/** The time of day of an instant in an IANA zone, with the zone: "7:15 AM GMT+7" (for a date shown beside it). */
export function formatTime(value: DateInput, timeZone: string, locale: string = getDisplayLocale()): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d);
}
