/**
 * Display formatting shared by every screen.
 *
 * Money arrives from the API as `Money { amount: "12.50", currency: "USD" }`. It is never turned into a
 * JavaScript number: the decimal string is parsed into a BigInt count of minor units, the integer part is
 * laid out by Intl (grouping, symbol, sign, locale order) via formatToParts, and the fraction digits are
 * spliced back in as text. Rates are integer basis points (1000 = 10 %) handled the same way.
 */

export const DEFAULT_LOCALE = 'en-US';

let displayLocale = DEFAULT_LOCALE;

/** The Intl locale every formatter uses unless told otherwise: set by the i18n provider on each switch. */
export function setDisplayLocale(tag: string): void {
  displayLocale = tag;
}

export function getDisplayLocale(): string {
  return displayLocale;
}

/** ISO-4217 exponents as the domain defines them: VND has no minor unit, the other currencies two. */
export const CURRENCY_EXPONENT: Readonly<Record<string, number>> = {
  VND: 0,
  IDR: 2,
  MYR: 2,
  PHP: 2,
  THB: 2,
  GBP: 2,
  USD: 2,
};

export interface MoneyLike {
  amount: string;
  currency: string;
}

export interface ParsedDecimal {
  negative: boolean;
  /** Absolute value in units of 10^-scale. */
  units: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/** Parses a plain decimal string ("-12.50", "250000", ".5"). Throws on anything else (exponents, NaN). */
export function parseDecimal(input: string): ParsedDecimal {
  const text = input.trim();
  const m = DECIMAL_RE.exec(text);
  if (!m) throw new RangeError(`Not a decimal string: ${JSON.stringify(input)}`);
  const sign = m[1] ?? m[4];
  const intDigits = m[2] ?? '0';
  const fracDigits = m[3] ?? m[5] ?? '';
  const units = BigInt(intDigits + fracDigits);
  return { negative: sign === '-' && units !== 0n, units, scale: fracDigits.length };
}

/** Rescales to `scale` fraction digits, rounding half away from zero when digits are dropped. */
export function rescale(value: ParsedDecimal, scale: number): ParsedDecimal {
  if (value.scale === scale) return value;
  if (value.scale < scale) {
    return { ...value, units: value.units * 10n ** BigInt(scale - value.scale), scale };
  }
  const divisor = 10n ** BigInt(value.scale - scale);
  let units = value.units / divisor;
  if ((value.units % divisor) * 2n >= divisor) units += 1n;
  return { negative: value.negative && units !== 0n, units, scale };
}

/**
 * Lays out `integer` with Intl and splices in `fraction` (a digit string). `options` must not set
 * fraction digits; this sets them to fraction.length so Intl emits a placeholder fraction part.
 */
function formatSplice(
  locale: string,
  options: Intl.NumberFormatOptions,
  negative: boolean,
  integer: bigint,
  fraction: string,
): string {
  const nf = new Intl.NumberFormat(locale, {
    ...options,
    minimumFractionDigits: fraction.length,
    maximumFractionDigits: fraction.length,
  });
  // A BigInt has no negative zero, so "-0.50" is laid out as "-1.00" and its integer digit replaced.
  const zeroNegative = negative && integer === 0n;
  const value = negative ? (zeroNegative ? -1n : -integer) : integer;
  return nf
    .formatToParts(value)
    .map((part) => {
      if (part.type === 'fraction') return fraction;
      if (zeroNegative && part.type === 'integer') return '0';
      return part.value;
    })
    .join('');
}

export interface MoneyFormatOptions {
  locale?: string;
  /** 'narrowSymbol' (default: ฿199.00, RM 89.90), 'symbol' (THB 199.00), 'code' (USD 12.50) or 'name'. */
  currencyDisplay?: Intl.NumberFormatOptions['currencyDisplay'];
}

/** Formats API money exactly, e.g. {amount:"1234.5",currency:"USD"} → "$1,234.50"; VND → "₫250,000". */
export function formatMoney(money: MoneyLike, options: MoneyFormatOptions = {}): string {
  const exponent = CURRENCY_EXPONENT[money.currency] ?? 2;
  const value = rescale(parseDecimal(money.amount), exponent);
  const base = 10n ** BigInt(exponent);
  const integer = value.units / base;
  const fraction = exponent === 0 ? '' : (value.units % base).toString().padStart(exponent, '0');
  return formatSplice(
    options.locale ?? displayLocale,
    { style: 'currency', currency: money.currency, currencyDisplay: options.currencyDisplay ?? 'narrowSymbol' },
    value.negative,
    integer,
    fraction,
  );
}

/** Money or a dash when the API hid or lacks it (null means "not visible to you" or "not set"). */
export function formatMoneyOrDash(money: MoneyLike | null | undefined, options?: MoneyFormatOptions): string {
  return money ? formatMoney(money, options) : '—';
}

/** Basis points to percent with up to two decimals: 1000 → "10%", 1250 → "12.5%", 1 → "0.01%". */
export function formatRate(bps: number, locale: string = displayLocale): string {
  if (!Number.isSafeInteger(bps)) throw new RangeError(`Rate must be an integer number of basis points: ${bps}`);
  const negative = bps < 0;
  const abs = BigInt(Math.abs(bps));
  const integer = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return formatSplice(locale, { style: 'unit', unit: 'percent' }, negative, integer, fraction);
}

/** Compact counts for followers and views: 950 → "950", 12345 → "12.3K", 1_250_000 → "1.3M". */
export function formatCompact(value: number, locale: string = displayLocale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Whole numbers with grouping: 12345 → "12,345". */
export function formatCount(value: number, locale: string = displayLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export type DateInput = string | Date;

function toDate(value: DateInput): Date {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return d;
}

export interface DateFormatOptions {
  locale?: string;
  /** Show the zone's short name (e.g. "GMT+7"). Default true for date-times. */
  withZone?: boolean;
}

/** An instant as date and time in an IANA zone: "Nov 21, 2026, 7:30 AM GMT+7". */
export function formatDateTime(value: DateInput, timeZone: string, options: DateFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? displayLocale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: options.withZone === false ? undefined : 'short',
  }).format(toDate(value));
}

/** The calendar date of an instant in an IANA zone: "Nov 21, 2026". */
export function formatDate(value: DateInput, timeZone: string, options: DateFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? displayLocale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(toDate(value));
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "now", "5 minutes ago", "in 2 days" in the display language. `now` is injectable for tests. */
export function formatRelative(value: DateInput, now: Date = new Date(), locale: string = displayLocale): string {
  let delta = (toDate(value).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(delta) < 45) return rtf.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return rtf.format(Math.round(delta), unit);
    delta /= size;
  }
  return rtf.format(Math.round(delta), 'year');
}

/** Shop ratings are 0–5 with one decimal: 4.8 → "4.8". */
export function formatRating(value: number | null | undefined, locale: string = displayLocale): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
