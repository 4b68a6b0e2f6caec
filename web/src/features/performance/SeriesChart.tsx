/** The chart itself (loaded on demand with @mantine/charts and recharts): bars for counts, areas for money. */
// The charts' styles come with the charts (after @mantine/core's, which main.tsx loads first).
import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { formatCount } from '../../lib/format';
import { sqrtTicks, type ChartScale } from './chartScale';
import { axisFormatter, formatMinor } from './money';
import type { ChartRow } from './series';

export interface SeriesChartProps {
  rows: ChartRow[];
  series: Array<{ name: string; label: string; color: string }>;
  /** Money series are whole minor units, formatted exactly in `currency`. */
  money: boolean;
  stacked: boolean;
  currency: string;
  height: number;
  label: string;
  /** 'sqrt' when one day dwarfs the others (chartScale.ts): small days stay visible. */
  scale?: ChartScale;
}

export default function SeriesChart({ rows, series, money, stacked, currency, height, label, scale = 'linear' }: SeriesChartProps) {
  if (money) {
    const max = Math.max(0, ...rows.flatMap((row) => series.map((s) => Number(row[s.name]) || 0)));
    // Stacked areas reach the sum of their series.
    const top = stacked ? Math.max(0, ...rows.map((row) => series.reduce((sum, s) => sum + (Number(row[s.name]) || 0), 0))) : max;
    const tick = axisFormatter(top, currency);
    return (
      <AreaChart
        h={height}
        data={rows}
        dataKey="label"
        series={series}
        type={stacked ? 'stacked' : 'default'}
        curveType="linear"
        withDots={rows.length <= 14}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        valueFormatter={(v) => formatMinor(v, currency)}
        yAxisProps={{
          tickFormatter: tick,
          width: height < 250 ? 64 : 84,
          ...(scale === 'sqrt' ? { scale: 'sqrt' as const, domain: [0, Math.max(...sqrtTicks(top))], ticks: sqrtTicks(top), interval: 0 } : {}),
        }}
        xAxisProps={{ minTickGap: 16 }}
        gridAxis="y"
        fillOpacity={0.25}
        aria-label={label}
      />
    );
  }
  return (
    <BarChart
      h={height}
      data={rows}
      dataKey="label"
      series={series}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      valueFormatter={(v) => formatCount(v)}
      yAxisProps={{ allowDecimals: false, width: 40 }}
      xAxisProps={{ minTickGap: 16 }}
      gridAxis="y"
      maxBarWidth={28}
      aria-label={label}
    />
  );
}
