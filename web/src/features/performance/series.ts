/**
 * Daily performance series for charts: local calendar dates of the market's zone ("2026-11-03"), the ranges a
 * person picks (last 7 / 30 / 90 days, the whole campaign), bucketing long ranges into weeks, and the rows a chart
 * plots. Amounts stay exact: buckets sum BigInt minor units, and the chart gets whole minor units.
 */
import { getDisplayLocale, type MoneyLike } from '../../lib/format';
import { minorToChartValue, minorToMoney, moneyToMinor } from './money';
import type { MessageKey } from '../../i18n/catalogues';

const DAY_MS = 86_400_000;
/** The API's limit for one series request. */
export const MAX_SERIES_DAYS = 366;
/** Longer ranges are shown by week, so bars stay readable. */
export const WEEKLY_AFTER_DAYS = 92;

export interface LocalRange {
  /** Inclusive local dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

// ---------------------------------------------------------------------------------------------- local dates

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a local date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** date + n days: addDays("2026-02-27", 2) → "2026-03-01". */
export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** Days from `from` to `to`, both included. */
export function daysInRange(range: LocalRange): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}

/** The calendar date an instant falls on in an IANA zone: 2026-11-20T20:00Z in Asia/Bangkok → "2026-11-21". */
export function localDate(instant: string | Date, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A local date as people read it: "Nov 3" (with the year when asked: "Nov 3, 2026"). */
export function formatLocalDate(date: string, options: { withYear?: boolean; locale?: string } = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? getDisplayLocale(), {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: options.withYear ? 'numeric' : undefined,
  }).format(new Date(dayNumber(date) * DAY_MS));
}

/** "Nov 3 – Nov 9", or one date when both are the same day. */
export function formatLocalRange(range: LocalRange, options: { withYear?: boolean; locale?: string } = {}): string {
  if (range.from === range.to) return formatLocalDate(range.from, options);
  return `${formatLocalDate(range.from, options)} – ${formatLocalDate(range.to, options)}`;
}

// ---------------------------------------------------------------------------------------------- ranges

export type RangePreset = '7d' | '30d' | '90d' | 'campaign';

/** The chart's range presets, in the order offered (the chart words them from its catalogue). */
export const RANGE_PRESETS: readonly RangePreset[] = ['7d', '30d', '90d', 'campaign'];

/**
 * The local dates a preset covers, ending today (or at the campaign's last day when it has ended). `campaign` runs
 * from the campaign's first day, at most MAX_SERIES_DAYS; it needs the campaign's period.
 */
export function presetRange(
  preset: RangePreset,
  today: string,
  campaign?: { start: string; end: string } | null,
): LocalRange {
  const to = campaign && campaign.end < today ? campaign.end : today;
  if (preset === 'campaign' && campaign) {
    const earliest = addDays(to, -(MAX_SERIES_DAYS - 1));
    const from = campaign.start > to ? to : campaign.start < earliest ? earliest : campaign.start;
    return { from, to };
  }
  const days = preset === '7d' ? 7 : preset === '90d' ? 90 : 30;
  return { from: addDays(to, -(days - 1)), to };
}

/** A preset range, or a custom one being picked ([first, last] local dates, either still unset). */
export interface RangeChoice {
  preset: RangePreset | 'custom';
  custom: [string | null, string | null];
}

/** The range a choice stands for, or why it cannot be used yet (a custom range half picked or too long). */
export function resolveRange(
  choice: RangeChoice,
  today: string,
  campaign: { start: string; end: string } | null = null,
): { range: LocalRange | null; problem: MessageKey | null } {
  if (choice.preset !== 'custom') return { range: presetRange(choice.preset, today, campaign), problem: null };
  const [from, to] = choice.custom;
  if (!from || !to) return { range: null, problem: 'insight.perf.pickDays' };
  const range = { from, to };
  const problem = rangeProblem(range);
  return problem ? { range: null, problem } : { range, problem: null };
}

/** A range a person picked is usable: from ≤ to and at most MAX_SERIES_DAYS; else the reason. */
/** What is wrong with a range, as a message key (`insight.perf.tooManyDays` takes `{max: MAX_SERIES_DAYS}`). */
export function rangeProblem(range: LocalRange): MessageKey | null {
  if (range.from > range.to) return 'insight.perf.startAfterEnd';
  if (daysInRange(range) > MAX_SERIES_DAYS) return 'insight.perf.tooManyDays';
  return null;
}

// ---------------------------------------------------------------------------------------------- buckets

/** The figures of one day as the API gives them; a field the viewer may not see is null or absent. */
export interface DayNumbers {
  paidOrders: number;
  actualOrders: number;
  gmvEstimated: MoneyLike;
  gmvActual: MoneyLike;
  sellerPaidEstimated?: MoneyLike | null;
  sellerPaidActual?: MoneyLike | null;
  creatorCommissionEstimated?: MoneyLike | null;
  creatorCommissionActual?: MoneyLike | null;
  agencyCommissionEstimated?: MoneyLike | null;
  agencyCommissionActual?: MoneyLike | null;
}

export interface SeriesDay {
  date: string;
  numbers: DayNumbers;
}

export const MONEY_FIELDS = [
  'gmvEstimated',
  'gmvActual',
  'sellerPaidEstimated',
  'sellerPaidActual',
  'creatorCommissionEstimated',
  'creatorCommissionActual',
  'agencyCommissionEstimated',
  'agencyCommissionActual',
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export interface Bucket extends LocalRange {
  paidOrders: number;
  actualOrders: number;
  /** Exact sums in minor units; null when the viewer may not see the figure. */
  money: Record<MoneyField, bigint | null>;
}

export type BucketSize = 'day' | 'week';

export function bucketSizeFor(range: LocalRange): BucketSize {
  return daysInRange(range) > WEEKLY_AFTER_DAYS ? 'week' : 'day';
}

function groupDays(days: ReadonlyArray<SeriesDay>, width: number): Bucket[] {
  const buckets: Bucket[] = [];
  days.forEach((day, i) => {
    if (i % width === 0) {
      buckets.push({
        from: day.date,
        to: day.date,
        paidOrders: 0,
        actualOrders: 0,
        money: Object.fromEntries(MONEY_FIELDS.map((f) => [f, 0n])) as Record<MoneyField, bigint | null>,
      });
    }
    const bucket = buckets[buckets.length - 1]!;
    bucket.to = day.date;
    bucket.paidOrders += day.numbers.paidOrders;
    bucket.actualOrders += day.numbers.actualOrders;
    for (const field of MONEY_FIELDS) {
      const value = day.numbers[field];
      const sum = bucket.money[field];
      bucket.money[field] = value && sum !== null ? sum + moneyToMinor(value) : null;
    }
  });
  return buckets;
}

/**
 * Days grouped into consecutive buckets of one day or seven, starting at the first day (the last week may be
 * shorter). Sums are exact; a figure hidden on any day is hidden in its bucket.
 */
export function bucketDays(days: ReadonlyArray<SeriesDay>, size: BucketSize): Bucket[] {
  return groupDays(days, size === 'week' ? 7 : 1);
}

/** The whole range as one bucket (the totals beside the chart); null without days. */
export function totalOf(days: ReadonlyArray<SeriesDay>): Bucket | null {
  return groupDays(days, Math.max(days.length, 1))[0] ?? null;
}

export function bucketMoney(bucket: Bucket, field: MoneyField, currency: string): MoneyLike | null {
  const value = bucket.money[field];
  return value === null ? null : minorToMoney(value, currency);
}

// ---------------------------------------------------------------------------------------------- chart rows

export type ChartMetric = 'orders' | 'gmv' | 'commission';
/** Whose figures: decides which commission the chart shows (each role sees only its own share). */
export type Perspective = 'agency' | 'seller' | 'creator';

export interface ChartSeriesSpec {
  key: 'paidOrders' | 'actualOrders' | MoneyField;
  /** A message key (the caller shows it through t). */
  label: MessageKey;
  color: string;
}

/** The series a metric plots for a perspective, and whether they stack (parts of one whole). */
export function seriesFor(metric: ChartMetric, perspective: Perspective): { series: ChartSeriesSpec[]; stacked: boolean; money: boolean } {
  if (metric === 'orders') {
    return {
      series: [
        { key: 'paidOrders', label: 'insight.perf.paidOrders', color: 'indigo.6' },
        { key: 'actualOrders', label: 'insight.perf.settledOrders', color: 'teal.6' },
      ],
      stacked: false,
      money: false,
    };
  }
  if (metric === 'gmv') {
    return {
      series: [
        { key: 'gmvEstimated', label: 'insight.perf.gmvEstimated', color: 'indigo.6' },
        { key: 'gmvActual', label: 'insight.perf.gmvSettled', color: 'teal.6' },
      ],
      stacked: false,
      money: true,
    };
  }
  if (perspective === 'agency') {
    // The seller's commission splits into the agency's and the creators' shares: stacked, they are its total.
    return {
      series: [
        { key: 'agencyCommissionEstimated', label: 'insight.perf.agencyCommission', color: 'indigo.6' },
        { key: 'creatorCommissionEstimated', label: 'insight.perf.creatorCommission', color: 'pink.5' },
      ],
      stacked: true,
      money: true,
    };
  }
  if (perspective === 'seller') {
    return {
      series: [
        { key: 'sellerPaidEstimated', label: 'insight.perf.youPayEstimated', color: 'orange.6' },
        { key: 'sellerPaidActual', label: 'insight.perf.youPaySettled', color: 'teal.6' },
      ],
      stacked: false,
      money: true,
    };
  }
  return {
    series: [
      { key: 'creatorCommissionEstimated', label: 'insight.perf.yoursEstimated', color: 'pink.6' },
      { key: 'creatorCommissionActual', label: 'insight.perf.yoursSettled', color: 'teal.6' },
    ],
    stacked: false,
    money: true,
  };
}

export interface ChartRow {
  /** The x-axis label: "Nov 3" (days) or "Nov 3 – Nov 9" (weeks). */
  label: string;
  from: string;
  to: string;
  [series: string]: number | string;
}

/** One row per bucket with the series' values (orders as counts, money as whole minor units; hidden → 0). */
export function chartRows(buckets: ReadonlyArray<Bucket>, series: ReadonlyArray<ChartSeriesSpec>): ChartRow[] {
  return buckets.map((bucket) => {
    const row: ChartRow = { label: formatLocalRange(bucket), from: bucket.from, to: bucket.to };
    for (const s of series) {
      if (s.key === 'paidOrders' || s.key === 'actualOrders') row[s.key] = bucket[s.key];
      else row[s.key] = minorToChartValue(bucket.money[s.key] ?? 0n);
    }
    return row;
  });
}

/** Whether anything happened in the range (an empty chart gets an explanation instead of flat lines). */
export function hasActivity(buckets: ReadonlyArray<Bucket>): boolean {
  return buckets.some((b) => b.paidOrders > 0 || b.actualOrders > 0 || (b.money.gmvEstimated ?? 0n) !== 0n);
}
