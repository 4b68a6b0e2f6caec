/** Order filters for the desktop screens (agency, seller): time range in the market's days, campaign, statuses. */
import { Button, Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconDownload } from '@tabler/icons-react';
import { useId } from 'react';
import type { OrderLineFilter, OrderLineStatus } from '../../generated/graphql';
import { anyOrderFilter, EMPTY_ORDER_FILTERS, exportHref, ORDER_RANGE_PRESETS, type OrderFilterValues, type OrderRangePreset } from './orderFilters';
import type { MessageKey } from '../../i18n/catalogues';
import { ORDER_STATUS, ORDER_STATUSES } from './orderStatus';
import { useT } from '../../i18n/context';

export interface OrderFiltersBarProps {
  values: OrderFilterValues;
  onChange: (values: OrderFilterValues) => void;
  campaigns: Array<{ value: string; label: string }>;
  today: string;
  /** The zone the days are counted in, e.g. "Asia/Bangkok". */
  timeZone: string;
}

/** The range presets' names (ORDER_RANGE_PRESETS holds the presets, in order). */
const RANGE_KEY: Readonly<Record<OrderRangePreset, MessageKey>> = {
  all: 'status.filters.all',
  '7d': 'status.filters.7d',
  '30d': 'status.filters.30d',
  '90d': 'status.filters.90d',
  custom: 'status.filters.custom',
};

export function OrderFiltersBar({ values, onChange, campaigns, today, timeZone }: OrderFiltersBarProps) {
  const t = useT();
  const rangeId = useId();
  const set = (patch: Partial<OrderFilterValues>) => onChange({ ...values, ...patch });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Stack gap={2}>
        <Text size="sm" fw={500} id={rangeId}>
          {t('status.filters.placedIn')}
        </Text>
        <SegmentedControl
          aria-labelledby={rangeId}
          value={values.range}
          onChange={(v) => set({ range: v as OrderRangePreset })}
          data={ORDER_RANGE_PRESETS.map((r) => ({ value: r, label: t(RANGE_KEY[r]) }))}
        />
      </Stack>
      {values.range === 'custom' && (
        <DatePickerInput
          type="range"
          label={t('status.filters.days', { zone: timeZone.replace(/_/g, ' ') })}
          placeholder={t('status.filters.daysPlaceholder')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          value={values.custom}
          onChange={(v) => set({ custom: [v[0] ?? null, v[1] ?? null] })}
          maxDate={today}
          allowSingleDateInRange
          w={260}
        />
      )}
      <Select label={t('status.filters.campaign')} placeholder={t('status.filters.allCampaigns')} clearable searchable data={campaigns} value={values.campaignId} onChange={(v) => set({ campaignId: v })} w={300} />
      <MultiSelect
        label={t('status.filters.status')}
        placeholder={values.statuses.length ? undefined : t('status.filters.anyStatus')}
        data={ORDER_STATUSES.map((s) => ({ value: s, label: t(ORDER_STATUS[s].label) }))}
        value={values.statuses}
        onChange={(v) => set({ statuses: v as OrderLineStatus[] })}
        clearable
        w={280}
      />
      {anyOrderFilter(values) && (
        <Button variant="subtle" size="xs" onClick={() => onChange(EMPTY_ORDER_FILTERS)} mb={6}>
          {t('status.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

/** CSV downloads of what the screen shows (the same filter); the session cookie authorises them. */
export function ExportButtons({ filter, earnings = false }: { filter: OrderLineFilter | null; earnings?: boolean }) {
  const t = useT();
  return (
    <Group gap="xs">
      <Button component="a" href={exportHref('/exports/orders.csv', filter)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
        {t('status.filters.ordersCsv')}
      </Button>
      {earnings && (
        <Button component="a" href={exportHref('/exports/earnings.csv', filter)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('status.filters.earningsCsv')}
        </Button>
      )}
    </Group>
  );
}
