/**
 * What a home reads from a daily series: today (the series' last day, in the market's time zone, as the server's
 * clock has it), yesterday, and the month so far. Money is summed exactly in minor units.
 */
import type { MoneyLike } from '../../lib/format';
import { minorToMoney, moneyToMinor } from '../performance/money';

/** Enough days back that the series always holds the whole current month and yesterday: 40 days before `now`. */
export function seriesFrom(now: Date = new Date()): string {
  const d = new Date(now.getTime() - 40 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export interface DayLike<N> {
  date: string;
  numbers: N;
}

export interface DaySums {
  today: MoneyLike;
  yesterday: MoneyLike;
  month: MoneyLike;
  todayOrders: number;
  yesterdayOrders: number;
  /** The last day's date (YYYY-MM-DD), "today" in the market. */
  date: string | null;
}

/** Today, yesterday and this month of one amount of a series (null amounts, hidden ones, count as zero). */
export function daySums<N extends { paidOrders: number }>(
  days: ReadonlyArray<DayLike<N>>,
  currency: string,
  pick: (numbers: N) => MoneyLike | null | undefined,
): DaySums {
  const minor = (day: DayLike<N> | undefined) => {
    const money = day ? pick(day.numbers) : null;
    return money ? moneyToMinor(money) : 0n;
  };
  const today = days.at(-1);
  const yesterday = days.at(-2);
  const month = today ? today.date.slice(0, 7) : '';
  const monthMinor = days.filter((d) => d.date.startsWith(month)).reduce((sum, d) => sum + minor(d), 0n);
  return {
    today: minorToMoney(minor(today), currency),
    yesterday: minorToMoney(minor(yesterday), currency),
    month: minorToMoney(today ? monthMinor : 0n, currency),
    todayOrders: today?.numbers.paidOrders ?? 0,
    yesterdayOrders: yesterday?.numbers.paidOrders ?? 0,
    date: today?.date ?? null,
  };
}

/** "+3", "−2", "±0": today against yesterday. */
export function countDelta(today: number, yesterday: number): string {
  const d = today - yesterday;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0';
}
