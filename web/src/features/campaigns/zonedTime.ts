/**
 * Wall-clock times in a campaign's market zone ↔ UTC instants. The form edits "2026-12-01T10:00" as it reads
 * in Bangkok (a datetime-local value); the API takes and returns UTC ISO-8601 instants.
 */

/** A datetime-local value; seconds are optional (browsers send them when the value has them). */
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parts(instantMs: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const p of dtf.formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') out[p.type] = Number.parseInt(p.value, 10);
  }
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds (Bangkok: +7 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = parts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

export function isWallTime(value: string): boolean {
  return WALL_RE.test(value);
}

/**
 * "2026-12-01T10:00" in `timeZone` → "2026-12-01T03:00:00.000Z". Null for an incomplete value. A wall time
 * skipped by a daylight-saving jump resolves to the instant after the jump.
 */
export function wallTimeToInstant(wall: string, timeZone: string): string | null {
  const m = WALL_RE.exec(wall);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec = 0] = m.map((part) => (part === undefined ? undefined : Number(part))) as [
    unknown, number, number, number, number, number, number | undefined,
  ];
  const naive = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (Number.isNaN(naive)) return null;
  // Two rounds settle the offset across a DST change.
  let instant = naive - zoneOffsetMs(naive, timeZone);
  instant = naive - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant as the datetime-local value it reads as in `timeZone`: "2026-12-01T10:00" (seconds only when not 0). */
export function instantToWallTime(instant: string | Date, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  const p = parts(ms, timeZone);
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
  const seconds = p.second ? `:${pad(p.second)}` : '';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${seconds}`;
}

/** The zone's short name at an instant, e.g. "GMT+7", "PST", "GMT". */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
