/** The forecast chart (loaded on demand with @mantine/charts): likely amounts per week with the low–high band. */
import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { useT } from '../../i18n/context';
import { axisFormatter, formatMinor } from '../performance/money';
import type { ForecastRow } from './forecastRows';

export default function ForecastChart({ rows, currency, height }: { rows: ForecastRow[]; currency: string; height: number }) {
  const t = useT();
  const top = Math.max(0, ...rows.map((r) => r.high));
  return (
    <AreaChart
      h={height}
      data={rows}
      dataKey="label"
      series={[
        { name: 'high', label: t('insight.forecast.high'), color: 'teal.2' },
        { name: 'likely', label: t('insight.forecast.likely'), color: 'teal.7' },
        { name: 'low', label: t('insight.forecast.low'), color: 'gray.5' },
      ]}
      curveType="monotone"
      withDots={false}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      valueFormatter={(v) => formatMinor(v, currency)}
      yAxisProps={{ tickFormatter: axisFormatter(top, currency), width: height < 250 ? 64 : 84 }}
      xAxisProps={{ minTickGap: 12 }}
      gridAxis="y"
      fillOpacity={0.2}
      aria-label={t('insight.forecast.chartLabel', { currency })}
    />
  );
}
