import { describe, expect, it } from 'vitest';
import { chartScaleFor, SPIKE_RATIO, sqrtTicks } from './chartScale';

describe('chart y-scale', () => {
  it('stays linear when the days are of one size', () => {
    expect(chartScaleFor([120, 0, 95, 140, 110, 0, 130])).toBe('linear');
  });

  it('compresses when one day dwarfs the typical day (small days would be a flat line)', () => {
    // ฿3–฿6 a day and one ฿900 day: on a linear axis every other day is under 1 % of the height.
    expect(chartScaleFor([300, 450, 0, 600, 90_000, 500, 350])).toBe('sqrt');
  });

  it('measures the spike against the median non-zero day, not the zero days', () => {
    const typical = 1_000;
    expect(chartScaleFor([0, 0, 0, typical, typical, typical, typical * SPIKE_RATIO - 1])).toBe('linear');
    expect(chartScaleFor([0, 0, 0, typical, typical, typical, typical * SPIKE_RATIO])).toBe('sqrt');
  });

  it('keeps a linear scale for too few days to call one a spike', () => {
    expect(chartScaleFor([])).toBe('linear');
    expect(chartScaleFor([0, 5, 5_000])).toBe('linear');
  });
});

describe('square-root ticks', () => {
  it('spaces ticks evenly on the compressed axis and ends at or above the top', () => {
    expect(sqrtTicks(90_000)).toEqual([0, 5_600, 23_000, 51_000, 90_000]);
    const ticks = sqrtTicks(123_456);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(123_456);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('has only zero for an empty chart', () => {
    expect(sqrtTicks(0)).toEqual([0]);
  });
});
