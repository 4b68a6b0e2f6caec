/**
 * The y-scale of a money chart. One day far above the others (a campaign's launch, a big order) flattens every
 * other day into the axis on a linear scale; then the chart switches to a square-root scale, which keeps zero at
 * zero and the order of the days, while days a hundredth of the spike still rise a tenth of the way up.
 */
export type ChartScale = 'linear' | 'sqrt';

/** A spike this many times the typical (median) non-zero day compresses the scale. */
export const SPIKE_RATIO = 8;

export function chartScaleFor(values: ReadonlyArray<number>): ChartScale {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length < 3) return 'linear';
  const median = positive[Math.floor((positive.length - 1) / 2)]!;
  const max = positive[positive.length - 1]!;
  return max >= SPIKE_RATIO * median ? 'sqrt' : 'linear';
}

/** Ticks evenly spaced on a square-root axis from 0 to `top` (whole minor units, two significant digits). */
export function sqrtTicks(top: number, count = 4): number[] {
  if (top <= 0) return [0];
  const ticks = [0];
  for (let i = 1; i <= count; i++) {
    const raw = top * (i / count) ** 2;
    const unit = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 1);
    const tick = i === count ? Math.ceil(raw / unit) * unit : Math.round(raw / unit) * unit;
    if (tick > ticks[ticks.length - 1]!) ticks.push(tick);
  }
  return ticks;
}
