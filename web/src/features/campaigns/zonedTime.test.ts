import { describe, expect, it } from 'vitest';
import { instantToWallTime, isWallTime, wallTimeToInstant, zoneName, zoneOffsetMs } from './zonedTime';

describe('wall time in a market zone ↔ UTC instant', () => {
  it('converts fixed-offset zones', () => {
    expect(wallTimeToInstant('2026-12-01T10:00', 'Asia/Bangkok')).toBe('2026-12-01T03:00:00.000Z');
    expect(wallTimeToInstant('2026-12-01T00:30', 'Asia/Ho_Chi_Minh')).toBe('2026-11-30T17:30:00.000Z');
    expect(instantToWallTime('2026-11-30T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01T00:30');
  });

  it('follows daylight saving time in London and Los Angeles', () => {
    expect(wallTimeToInstant('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTimeToInstant('2026-12-01T09:00', 'Europe/London')).toBe('2026-12-01T09:00:00.000Z');
    expect(wallTimeToInstant('2026-07-01T09:00', 'America/Los_Angeles')).toBe('2026-07-01T16:00:00.000Z');
    expect(wallTimeToInstant('2026-12-01T09:00', 'America/Los_Angeles')).toBe('2026-12-01T17:00:00.000Z');
  });

  it('round-trips', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Manila', 'Europe/London', 'America/Los_Angeles', 'UTC']) {
      for (const wall of ['2026-01-15T08:05', '2026-06-30T23:59', '2027-03-01T00:00']) {
        expect(instantToWallTime(wallTimeToInstant(wall, zone)!, zone), `${zone} ${wall}`).toBe(wall);
      }
    }
  });

  it('moves a wall time skipped by the spring-forward jump past the gap', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles (02:00 → 03:00).
    const instant = wallTimeToInstant('2026-03-08T02:30', 'America/Los_Angeles')!;
    expect(instantToWallTime(instant, 'America/Los_Angeles')).toMatch(/^2026-03-08T0[13]:30$/);
  });

  it('keeps seconds when the value has them', () => {
    expect(wallTimeToInstant('2026-12-01T10:00:30', 'Asia/Bangkok')).toBe('2026-12-01T03:00:30.000Z');
    expect(instantToWallTime('2026-12-01T03:00:30Z', 'Asia/Bangkok')).toBe('2026-12-01T10:00:30');
    expect(instantToWallTime('2026-12-01T03:00:00Z', 'Asia/Bangkok')).toBe('2026-12-01T10:00');
  });

  it('rejects incomplete values', () => {
    expect(wallTimeToInstant('', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2026-12-01', 'UTC')).toBeNull();
    expect(isWallTime('2026-12-01T10:00')).toBe(true);
    expect(isWallTime('2026-12-01 10:00')).toBe(false);
  });

  it('names the zone and its offset', () => {
    expect(zoneName('Asia/Bangkok')).toBe('GMT+7');
    expect(zoneOffsetMs(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Bangkok')).toBe(7 * 3600_000);
    expect(zoneName('America/Los_Angeles', new Date('2026-01-15T00:00:00Z'))).toBe('PST');
  });
});
