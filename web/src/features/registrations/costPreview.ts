/**
 * What one order costs the seller at a total rate: price × rate, in integer minor units with half-up rounding
 * per line, exactly as the server's commission math (docs/domain.md: seller pays = round(base × total / 10000)).
 */
import { CURRENCY_EXPONENT, parseDecimal, rescale, type MoneyLike } from '../../lib/format';

const BPS_DENOMINATOR = 10_000n;

function exponentOf(currency: string): number {
  return CURRENCY_EXPONENT[currency] ?? 2;
}

/** A decimal amount in `currency` as a signed count of minor units (half-up when it has extra digits). */
export function toMinorUnits(money: MoneyLike): bigint {
  const value = rescale(parseDecimal(money.amount), exponentOf(money.currency));
  return value.negative ? -value.units : value.units;
}

/** Minor units back to an API-style Money: 1250n USD → {amount: "12.50", currency: "USD"}. */
export function fromMinorUnits(units: bigint, currency: string): MoneyLike {
  const exponent = exponentOf(currency);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(exponent);
  const whole = (abs / base).toString();
  const fraction = exponent === 0 ? '' : `.${(abs % base).toString().padStart(exponent, '0')}`;
  return { amount: `${negative ? '-' : ''}${whole}${fraction}`, currency };
}

/** round(units × bps / 10000), half-up (away from zero for the non-negative amounts this is used for). */
export function applyRate(units: bigint, bps: number): bigint {
  if (!Number.isSafeInteger(bps)) throw new RangeError(`Rate must be integer basis points: ${bps}`);
  const product = units * BigInt(bps);
  const quotient = product / BPS_DENOMINATOR;
  const remainder = product % BPS_DENOMINATOR;
  const abs = remainder < 0n ? -remainder : remainder;
  if (abs * 2n >= BPS_DENOMINATOR) return product < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}

export interface OrderCostPreview {
  price: MoneyLike;
  /** What the seller pays in commission on one unit sold at `price`. */
  commission: MoneyLike;
  /** What stays with the seller: price − commission. */
  net: MoneyLike;
}

export function orderCostPreview(price: MoneyLike, totalRateBps: number): OrderCostPreview {
  const units = toMinorUnits(price);
  const commission = applyRate(units, totalRateBps);
  return {
    price: fromMinorUnits(units, price.currency),
    commission: fromMinorUnits(commission, price.currency),
    net: fromMinorUnits(units - commission, price.currency),
  };
}
