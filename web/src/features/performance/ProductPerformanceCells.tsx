/** The product performance table's pieces: sortable headers, money (estimated over settled) and count cells. */
import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CampaignProductPerformanceQuery, ProductPerformanceSortField } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { formatCount, formatMoneyOrDash } from '../../lib/format';
import { ariaSort, SORT_KEY, type ProductSort } from './productFilters';

export type ProductPerformanceRow = NonNullable<CampaignProductPerformanceQuery['campaignProductPerformance']>['edges'][number]['node'];
type Money = ProductPerformanceRow['numbers']['gmvActual'];

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function SortHeader({ label, field, sort, onSort, align = 'right', hint }: { label: string; field: ProductPerformanceSortField; sort: ProductSort; onSort: (f: ProductPerformanceSortField) => void; align?: 'left' | 'right'; hint?: string }) {
  const t = useT();
  const state = ariaSort(sort, field);
  const Icon = state === 'ascending' ? IconArrowUp : state === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" ta={align} aria-sort={state} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(field)} aria-description={t('insight.sort.by', { field: t(SORT_KEY[field]) })} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' }}>
        {label}
        <Icon size={14} aria-hidden color={state === 'none' ? 'var(--mantine-color-dimmed)' : undefined} />
      </UnstyledButton>
      {hint && (
        <Text size="xs" c="dimmed" fw={400}>
          {hint}
        </Text>
      )}
    </Table.Th>
  );
}

/** Estimated on top, settled below. */
export function MoneyCell({ estimated, actual }: { estimated: Money | null; actual: Money | null }) {
  return (
    <Table.Td ta="right" style={NUM}>
      <Text size="sm" fw={600}>
        {formatMoneyOrDash(estimated)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatMoneyOrDash(actual)}
      </Text>
    </Table.Td>
  );
}

export function CountCell({ main, sub }: { main: number | null; sub?: ReactNode }) {
  return (
    <Table.Td ta="right" style={NUM}>
      <Text size="sm" fw={600}>
        {main === null ? '—' : formatCount(main)}
      </Text>
      {sub !== undefined && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Table.Td>
  );
}

