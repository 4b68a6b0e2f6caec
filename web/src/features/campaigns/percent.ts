/**
 * Percent text ↔ integer basis points, without floating point: "12.5" → 1250, "7,25 %" → 725.
 * The digits are parsed as text (integer part × 100 + two fraction digits), so no binary rounding can creep in.
 * Messages are in the language in use (campaigns.percent.* keys: seller pages that check rates load the campaigns
 * namespace with them).
 */
import { translate } from '../../i18n/runtime';
import { formatRate } from '../../lib/format';

export const RATE_MIN_BPS = 100;
export const RATE_MAX_BPS = 8000;

export type PercentParse =
  | { status: 'empty' }
  | { status: 'invalid'; message: string }
  | { status: 'ok'; bps: number };

const PERCENT_RE = /^(\d{1,6})(?:[.,](\d*))?$|^[.,](\d+)$/;

/** Parses what a person typed as a percent. Accepts "12", "12.5", "12,50", "12.5%", ".5"; at most two decimals. */
export function parsePercent(text: string): PercentParse {
  const trimmed = text.trim().replace(/\s*%$/, '').trim();
  if (trimmed === '') return { status: 'empty' };
  const m = PERCENT_RE.exec(trimmed);
  if (!m) return { status: 'invalid', message: translate('campaigns.percent.invalid') };
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? m[3] ?? '';
  if (fraction.length > 2) return { status: 'invalid', message: translate('campaigns.percent.twoDecimals') };
  return { status: 'ok', bps: Number.parseInt(whole, 10) * 100 + Number.parseInt(fraction.padEnd(2, '0'), 10) };
}

/** Basis points as input text with '.' and no trailing zeros: 1250 → "12.5", 1000 → "10", 5 → "0.05". */
export function bpsToPercentText(bps: number): string {
  if (!Number.isSafeInteger(bps)) throw new RangeError(`Not an integer number of basis points: ${bps}`);
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface RateBounds {
  min?: number;
  max?: number;
}

/** The reason a parsed rate is not acceptable, or null. Bounds default to the domain's 1 %–80 %. */
export function rateRangeError(bps: number, { min = RATE_MIN_BPS, max = RATE_MAX_BPS }: RateBounds = {}): string | null {
  if (bps < min) return translate('campaigns.percent.atLeast', { rate: formatRate(min) });
  if (bps > max) return translate('campaigns.percent.atMost', { rate: formatRate(max) });
  return null;
}

/** One call for forms: the bps value, or the message to show at the field ('required' decides empty input). */
export function checkPercent(
  text: string,
  { required = true, ...bounds }: RateBounds & { required?: boolean } = {},
): { bps: number | null; error: string | null } {
  const parsed = parsePercent(text);
  if (parsed.status === 'empty') return { bps: null, error: required ? translate('campaigns.percent.required') : null };
  if (parsed.status === 'invalid') return { bps: null, error: parsed.message };
  return { bps: parsed.bps, error: rateRangeError(parsed.bps, bounds) };
}
