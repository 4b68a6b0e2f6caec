/**
 * Daily orders, GMV and commission over a chosen range, in the market's time zone: the metric and range controls,
 * the chart (by week for long ranges), the range's totals and the same figures as a table. The caller fetches
 * the series for the range this card asks for (`onRangeChange`).
 */
import { Box, Card, Group, LoadingOverlay, SegmentedControl, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconChartBar } from '@tabler/icons-react';
import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { LoadingState } from '../../components/QueryState';
import { formatCount, formatMoneyOrDash } from '../../lib/format';
import { zoneName } from '../campaigns/zonedTime';
import { chartScaleFor } from './chartScale';
import { formatMinor } from './money';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';
import {
  bucketDays,
  bucketMoney,
  bucketSizeFor,
  chartRows,
  formatLocalRange,
  hasActivity,
  MAX_SERIES_DAYS,
  RANGE_PRESETS,
  resolveRange,
  seriesFor,
  totalOf,
  type ChartMetric,
  type MoneyField,
  type Perspective,
  type RangeChoice,
  type RangePreset,
  type SeriesDay,
} from './series';

const METRIC_LABEL: Record<ChartMetric, MessageKey> = { orders: 'insight.perf.orders', gmv: 'insight.perf.gmv', commission: 'insight.perf.commission' };
const PRESET_LABEL: Record<RangePreset, MessageKey> = {
  '7d': 'insight.perf.range7d',
  '30d': 'insight.perf.range30d',
  '90d': 'insight.perf.range90d',
  campaign: 'insight.perf.rangeCampaign',
};
// The chart library loads with the first chart shown, not with the app.
const SeriesChart = lazy(() => import('./SeriesChart'));

export interface SeriesChartCardProps {
  title?: string;
  perspective: Perspective;
  currency: string;
  timeZone: string;
  today: string;
  /** The campaign's first and last local day (adds the "Whole campaign" range). */
  campaign?: { start: string; end: string } | null;
  choice: RangeChoice;
  onChoiceChange: (choice: RangeChoice) => void;
  /** The series of the chosen range (null while the first answer is loading or failed). */
  days: ReadonlyArray<SeriesDay> | null;
  fetching: boolean;
  /** Error and loading states of the caller's query, shown in place of the chart. */
  status?: ReactNode;
  /** Compact layout for the phone (creator). */
  compact?: boolean;
}

export function SeriesChartCard({
  title,
  perspective,
  currency,
  timeZone,
  today,
  campaign = null,
  choice,
  onChoiceChange,
  days,
  fetching,
  status,
  compact = false,
}: SeriesChartCardProps) {
  const t = useT();
  const titleId = useId();
  const heading = title ?? t('insight.perf.daily');
  const [metric, setMetric] = useState<ChartMetric>('gmv');
  const [asTable, setAsTable] = useState(false);
  const { problem } = resolveRange(choice, today, campaign);
  const spec = seriesFor(metric, perspective);

  const { buckets, total, weekly } = useMemo(() => {
    if (!days || days.length === 0) return { buckets: [], total: null, weekly: false };
    const size = bucketSizeFor({ from: days[0]!.date, to: days[days.length - 1]!.date });
    return { buckets: bucketDays(days, size), total: totalOf(days), weekly: size === 'week' };
  }, [days]);
  const rows = useMemo(() => chartRows(buckets, spec.series), [buckets, spec.series]);
  const active = hasActivity(buckets);
  // Money charts compress their y-scale when one bucket dwarfs the others (stacked series by their sums).
  const scale = spec.money
    ? chartScaleFor(rows.flatMap((row) => (spec.stacked ? [spec.series.reduce((sum, s) => sum + (Number(row[s.key]) || 0), 0)] : spec.series.map((s) => Number(row[s.key]) || 0))))
    : 'linear';
  const presets = RANGE_PRESETS.filter((p) => p !== 'campaign' || campaign);

  const commissionField = seriesFor('commission', perspective).series[0]!.key as MoneyField;
  const money = (field: MoneyField) => (total ? formatMoneyOrDash(bucketMoney(total, field, currency)) : '—');
  const totals: Array<{ label: string; value: string }> = total
    ? [
        { label: t('insight.perf.paidOrders'), value: formatCount(total.paidOrders) },
        { label: t('insight.perf.gmv'), value: money('gmvEstimated') },
        {
          label: t(perspective === 'agency' ? 'insight.perf.agencyCommission' : perspective === 'seller' ? 'insight.perf.youPay' : 'insight.perf.yours'),
          value: money(commissionField),
        },
      ]
    : [];

  const chartSeries = spec.series.map((s) => ({ name: s.key, label: t(s.label), color: s.color }));
  const height = compact ? 220 : 280;
  const valueFormatter = spec.money ? (v: number) => formatMinor(v, currency) : (v: number) => formatCount(v);

  return (
    <Card withBorder radius={compact ? 'lg' : 'md'} padding={compact ? 'md' : 'lg'} component="section" aria-labelledby={titleId} data-testid="performance-chart">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text component="h2" id={titleId} fw={700} size="lg" m={0}>
              {heading}
            </Text>
            <Text size="xs" c="dimmed">
              {t(weekly ? 'insight.perf.byWeek' : 'insight.perf.byDay', { zone: timeZone.replace(/_/g, ' '), abbr: zoneName(timeZone) })}
              {scale === 'sqrt' && !asTable ? ` · ${t('insight.perf.sqrtScale')}` : ''}
            </Text>
          </Stack>
          {total && (
            <Group gap={compact ? 'sm' : 'lg'} component="dl" m={0} data-testid="series-totals" aria-label={t('insight.perf.totals')}>
              {totals.map((figure) => (
                <Stack key={figure.label} gap={0}>
                  <Text component="dt" size="xs" c="dimmed">
                    {figure.label}
                  </Text>
                  <Text component="dd" m={0} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {figure.value}
                  </Text>
                </Stack>
              ))}
            </Group>
          )}
        </Group>

        <Group gap="sm" wrap="wrap" align="flex-end">
          <SegmentedControl
            aria-label={t('insight.perf.figure')}
            value={metric}
            onChange={(v) => setMetric(v as ChartMetric)}
            data={(Object.keys(METRIC_LABEL) as ChartMetric[]).map((m) => ({ value: m, label: t(METRIC_LABEL[m]) }))}
            size={compact ? 'sm' : 'xs'}
            fullWidth={compact}
            w={compact ? '100%' : undefined}
          />
          <SegmentedControl
            aria-label={t('insight.perf.range')}
            value={choice.preset}
            onChange={(v) => onChoiceChange({ ...choice, preset: v as RangeChoice['preset'] })}
            data={[...presets.map((p) => ({ value: p, label: t(PRESET_LABEL[p]) })), { value: 'custom', label: t('insight.perf.rangeCustom') }]}
            size={compact ? 'sm' : 'xs'}
            fullWidth={compact}
            w={compact ? '100%' : undefined}
          />
          {choice.preset === 'custom' && (
            <DatePickerInput
              type="range"
              label={t('insight.perf.days')}
              placeholder={t('insight.perf.daysPlaceholder')}
              leftSection={<IconCalendar size={16} aria-hidden />}
              value={choice.custom}
              onChange={(value) => onChoiceChange({ ...choice, custom: [value[0] ?? null, value[1] ?? null] })}
              maxDate={today}
              allowSingleDateInRange
              error={choice.custom[0] && choice.custom[1] && problem ? t(problem, { max: MAX_SERIES_DAYS }) : undefined}
              size="xs"
              w={compact ? '100%' : 260}
              popoverProps={{ withinPortal: true }}
            />
          )}
          {!compact && (
            <Switch size="xs" label={t('insight.perf.asTable')} checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} ml="auto" />
          )}
        </Group>

        {status ?? (
          <Box pos="relative" mih={compact ? 220 : 280}>
            <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {!active && !fetching ? (
              <Stack align="center" justify="center" mih={compact ? 220 : 280} gap={4} data-testid="chart-empty">
                <IconChartBar size={28} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text fw={600} size="sm">
                  {days && days.length > 0
                    ? t('insight.perf.noOrdersFrom', { range: formatLocalRange({ from: days[0]!.date, to: days[days.length - 1]!.date }, { withYear: true }) })
                    : t('insight.perf.noOrders')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('insight.perf.noOrdersHelp')}
                </Text>
              </Stack>
            ) : asTable ? (
              <Table.ScrollContainer minWidth={480} mah={360}>
                <Table striped stickyHeader verticalSpacing={4} data-testid="series-table">
                  <VisuallyHidden component="caption">{heading}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{weekly ? t('insight.perf.week') : t('insight.perf.day')}</Table.Th>
                      {spec.series.map((s) => (
                        <Table.Th key={s.key} scope="col" ta="right">
                          {t(s.label)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.from}>
                        <Table.Th scope="row" fw={500}>
                          {row.label}
                        </Table.Th>
                        {spec.series.map((s) => (
                          <Table.Td key={s.key} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {valueFormatter(row[s.key] as number)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Suspense fallback={<LoadingState label={t('insight.perf.loadingChart')} minHeight={height} />}>
                <SeriesChart rows={rows} series={chartSeries} money={spec.money} stacked={spec.stacked} currency={currency} height={height} label={t('insight.perf.chartLabel', { metric: t(METRIC_LABEL[metric]) })} scale={scale} />
              </Suspense>
            )}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
