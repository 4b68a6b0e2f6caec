/**
 * Exact money arithmetic for charts and totals: API amounts become BigInt counts of minor units, are summed as
 * BigInt and turned back into decimal strings for formatMoney. Charts plot integer minor units (whole numbers, so
 * the geometry never holds a fractional amount); every label is formatted from the exact integer.
 */
import { CURRENCY_EXPONENT, getDisplayLocale, formatMoney, parseDecimal, rescale, type MoneyLike } from '../../lib/format';

function exponentOf(currency: string): number {
  return CURRENCY_EXPONENT[currency] ?? 2;
}

/** "12.50" USD → 1250n; "250000" VND → 250000n. */
export function moneyToMinor(money: MoneyLike): bigint {
  const value = rescale(parseDecimal(money.amount), exponentOf(money.currency));
  return value.negative ? -value.units : value.units;
}

/** 1250n USD → { amount: "12.50", currency: "USD" }. */
export function minorToMoney(minor: bigint, currency: string): MoneyLike {
  const exponent = exponentOf(currency);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const base = 10n ** BigInt(exponent);
  const integer = (abs / base).toString();
  const fraction = exponent === 0 ? '' : `.${(abs % base).toString().padStart(exponent, '0')}`;
  return { amount: `${negative ? '-' : ''}${integer}${fraction}`, currency };
}

/** A chart value (integer minor units, as plotted) formatted exactly: 1250 USD → "$12.50". */
export function formatMinor(minor: number | bigint, currency: string): string {
  const units = typeof minor === 'bigint' ? minor : BigInt(Math.round(minor));
  return formatMoney(minorToMoney(units, currency));
}

/**
 * An axis tick, short: 1_234_500 THB minor units → "฿12.3K", 25_000 USD → "$250". The major-unit amount is rounded to a whole BigInt and
 * laid out by Intl's compact notation (Intl formats a BigInt exactly).
 */
export function formatMinorCompact(minor: number | bigint, currency: string, locale: string = getDisplayLocale()): string {
  const units = typeof minor === 'bigint' ? minor : BigInt(Math.round(minor));
  const base = 10n ** BigInt(exponentOf(currency));
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let major = abs / base;
  if ((abs % base) * 2n >= base) major += 1n;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(negative ? -major : major);
}

/** The sum of amounts in one currency; null when any is hidden (null), so a hidden figure never reads as 0. */
export function sumMoney(amounts: ReadonlyArray<MoneyLike | null | undefined>, currency: string): MoneyLike | null {
  let total = 0n;
  for (const amount of amounts) {
    if (!amount) return null;
    total += moneyToMinor(amount);
  }
  return minorToMoney(total, currency);
}

/** Safe for chart geometry: minor-unit totals of real campaigns are far below 2^53. */
export function minorToChartValue(minor: bigint): number {
  return Number(minor);
}

/**
 * The y-axis tick formatter for a chart whose largest value is `maxMinor`: small scales keep their cents (compact
 * ticks of 0.5, 1 and 1.5 would all read "$1"), larger ones are compact ("฿12.3K").
 */
export function axisFormatter(maxMinor: number, currency: string): (value: number) => string {
  const base = 10 ** exponentOf(currency);
  return maxMinor < 100 * base ? (v) => formatMinor(v, currency) : (v) => formatMinorCompact(v, currency);
}
