import { describe, expect, it } from 'vitest';
import { formatTime } from './formatTime';

describe('formatTime', () => {
  it('reads the time of day in the market zone, with the zone', () => {
    expect(formatTime('2026-12-05T00:15:00Z', 'Asia/Bangkok')).toBe('7:15 AM GMT+7');
  });
});
