/** The product performance table's pieces: sortable headers, money (estimated over settled) and count cells. */
import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CampaignProductPerformanceQuery, ProductPerformanceSortField } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';
import { formatCount, formatMoneyOrDash } from '../../lib/format';
import { ariaSort, type ProductSort } from './productFilters';

export type ProductPerformanceRow = NonNullable<CampaignProductPerformanceQuery['campaignProductPerformance']>['edges'][number]['node'];
type Money = ProductPerformanceRow['numbers']['gmvActual'];

/** The sort fields' names (productFilters.ts lists the fields each perspective may sort by). */
export const SORT_KEY: Readonly<Record<ProductPerformanceSortField, MessageKey>> = {
  GMV_ESTIMATED: 'insight.sort.gmvEstimated',
  GMV_ACTUAL: 'insight.sort.gmvActual',
  PAID_ORDERS: 'insight.sort.paidOrders',
  ACTUAL_ORDERS: 'insight.sort.actualOrders',
  SELLER_PAID_ESTIMATED: 'insight.sort.sellerPaidEstimated',
  SELLER_PAID_ACTUAL: 'insight.sort.sellerPaidActual',
  AGENCY_COMMISSION_ESTIMATED: 'insight.sort.agencyEstimated',
  AGENCY_COMMISSION_ACTUAL: 'insight.sort.agencyActual',
  CREATOR_COMMISSION_ESTIMATED: 'insight.sort.creatorEstimated',
  CREATOR_COMMISSION_ACTUAL: 'insight.sort.creatorActual',
  CREATORS_COLLABORATING: 'insight.sort.creators',
  CREATORS_WITH_SALES: 'insight.sort.creatorsWithSales',
  SAMPLES_REQUESTED: 'insight.sort.samplesRequested',
  SAMPLES_APPROVED: 'insight.sort.samplesApproved',
  SAMPLES_SHIPPED: 'insight.sort.samplesShipped',
  CONTENT_POSTED: 'insight.sort.contentPosted',
  REGISTERED_AT: 'insight.sort.registeredAt',
};

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

