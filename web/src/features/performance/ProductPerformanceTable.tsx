/**
 * A campaign's products with their figures: filters (status, category, content, bookmark for agencies), sort by
 * any figure the viewer may see (column headers or the select), keyset pages. Agencies open each product's
 * creator collaborations. Refetches its page when `version` goes up (live).
 */
import {
  Anchor,
  Avatar,
  Button,
  Card,
  Chip,
  Group,
  LoadingOverlay,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconBookmarkFilled, IconPackage } from '@tabler/icons-react';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { PagerControls } from '../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import { usePager } from '../../components/usePager';
import {
  CampaignProductPerformanceDocument,
  type CampaignProductPerformanceQuery,
  type ProductPerformanceSortField,
  type RegistrationStatus,
} from '../../generated/graphql';
import { formatCount, formatMoneyOrDash, formatRate } from '../../lib/format';
import { categoryLabel, categoryOptions } from '../registrations/categoryOptions';
import { REGISTRATION_STATUS } from '../registrations/registrationStatus';
import { RegistrationStatusBadge } from '../registrations/RegistrationStatusBadge';
import { CollaborationsDrawer } from './CollaborationsDrawer';
import {
  anyProductFilter,
  ariaSort,
  buildProductFilter,
  DEFAULT_PRODUCT_SORT,
  EMPTY_PRODUCT_FILTERS,
  PERFORMANCE_STATUSES,
  sortFieldsFor,
  toggleSort,
  type ProductFilterValues,
  type ProductSort,
} from './productFilters';
import type { Perspective } from './series';
import { useRefetchOn } from './useLiveRefresh';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';

/** The sort fields' names (productFilters.ts lists the fields each perspective may sort by). */
const SORT_KEY: Readonly<Record<ProductPerformanceSortField, MessageKey>> = {
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

const PAGE_SIZE = 20;
type Row = NonNullable<CampaignProductPerformanceQuery['campaignProductPerformance']>['edges'][number]['node'];
type Money = Row['numbers']['gmvActual'];

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function SortHeader({ label, field, sort, onSort, align = 'right', hint }: { label: string; field: ProductPerformanceSortField; sort: ProductSort; onSort: (f: ProductPerformanceSortField) => void; align?: 'left' | 'right'; hint?: string }) {
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
function MoneyCell({ estimated, actual }: { estimated: Money | null; actual: Money | null }) {
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

function CountCell({ main, sub }: { main: number | null; sub?: ReactNode }) {
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

export interface ProductPerformanceTableProps {
  campaignId: string;
  perspective: Exclude<Perspective, 'creator'>;
  timeZone: string;
  version: number;
}

export function ProductPerformanceTable({ campaignId, perspective, timeZone, version }: ProductPerformanceTableProps) {
  const t = useT();
  const titleId = useId();
  const agency = perspective === 'agency';
  const [filters, setFilters] = useState<ProductFilterValues>(EMPTY_PRODUCT_FILTERS);
  const [sort, setSort] = useState<ProductSort>(DEFAULT_PRODUCT_SORT);
  const filter = buildProductFilter(filters, perspective);
  const pager = usePager(JSON.stringify([filter, sort]));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CampaignProductPerformanceDocument,
    variables: { campaignId, first: PAGE_SIZE, after: pager.after, filter, sort },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const [collaborationsOf, setCollaborationsOf] = useState<Row | null>(null);

  const connection = data?.campaignProductPerformance;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const set = (patch: Partial<ProductFilterValues>) => setFilters({ ...filters, ...patch });
  const onSort = (field: ProductPerformanceSortField) => setSort(toggleSort(sort, field));
  const sortOptions = sortFieldsFor(perspective).map((f) => ({ value: f, label: t(SORT_KEY[f]) }));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Text component="h2" id={titleId} fw={700} size="lg" m={0}>
          {t(agency ? 'insight.products.title' : 'insight.products.yours')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('insight.products.moneyNote')}
        </Text>
      </Group>

      <Stack gap="sm" mb="md">
        <div role="group" aria-label={t('insight.products.status')}>
          <Chip.Group multiple value={filters.statuses} onChange={(v) => set({ statuses: v as RegistrationStatus[] })}>
            <Group gap={6}>
              {PERFORMANCE_STATUSES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" color={REGISTRATION_STATUS[s].color}>
                  {REGISTRATION_STATUS[s].label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('insight.products.category')} placeholder={t('insight.products.allCategories')} clearable searchable data={categoryOptions(t)} value={filters.category} onChange={(v) => set({ category: v })} w={220} />
          <Stack gap={2}>
            <Text size="sm" fw={500} id={`${titleId}-content`}>
              {t('insight.products.posted')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${titleId}-content`}
              value={filters.content}
              onChange={(v) => set({ content: v as ProductFilterValues['content'] })}
              data={[
                { value: 'any', label: t('insight.products.any') },
                { value: 'yes', label: t('insight.products.hasContent') },
                { value: 'no', label: t('insight.products.noContent') },
              ]}
            />
          </Stack>
          <Select
            label={t('insight.products.sortBy')}
            data={sortOptions}
            value={sort.field}
            onChange={(v) => v && setSort({ field: v as ProductPerformanceSortField, direction: 'DESC' })}
            allowDeselect={false}
            w={270}
          />
          <SegmentedControl
            aria-label={t('insight.products.direction')}
            value={sort.direction}
            onChange={(v) => setSort({ ...sort, direction: v as ProductSort['direction'] })}
            data={[
              { value: 'DESC', label: t('insight.products.highest') },
              { value: 'ASC', label: t('insight.products.lowest') },
            ]}
          />
          {agency && <Switch label={t('insight.products.bookmarkedOnly')} checked={filters.bookmarkedOnly} onChange={(e) => set({ bookmarkedOnly: e.currentTarget.checked })} mb={8} />}
          {anyProductFilter(filters) && (
            <Button variant="subtle" size="xs" onClick={() => setFilters(EMPTY_PRODUCT_FILTERS)} mb={6}>
              {t('insight.products.clear')}
            </Button>
          )}
        </Group>
      </Stack>

      {error && !data ? (
        <ErrorState error={error} onRetry={reload} title={t('insight.products.error')} />
      ) : !data && fetching ? (
        <LoadingState label={t('insight.products.loading')} />
      ) : rows.length === 0 ? (
        <EmptyBlock
          title={anyProductFilter(filters) ? t('insight.products.noMatch') : t('insight.products.none')}
          description={anyProductFilter(filters) ? t('insight.products.noMatchHelp') : t('insight.products.noneHelp')}
          icon={<IconPackage aria-hidden />}
        />
      ) : (
        <div style={{ position: 'relative' }}>
          <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          <Table.ScrollContainer minWidth={agency ? 1080 : 900}>
            <Table verticalSpacing="sm" horizontalSpacing="xs" highlightOnHover data-testid="product-performance-table" aria-busy={fetching}>
              <VisuallyHidden component="caption">{t('insight.products.caption', { field: t(SORT_KEY[sort.field]) })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('insight.products.product')}</Table.Th>
                  <Table.Th scope="col">{t('insight.products.status')}</Table.Th>
                  <SortHeader label={t('insight.products.creators')} field="CREATORS_COLLABORATING" sort={sort} onSort={onSort} hint={t('insight.products.withSales')} />
                  <SortHeader
                    label={t('insight.products.samples')}
                    field={agency ? 'SAMPLES_REQUESTED' : 'SAMPLES_APPROVED'}
                    sort={sort}
                    onSort={onSort}
                    hint={t('insight.products.samplesHint')}
                  />
                  <SortHeader label={t('insight.perf.orders')} field="PAID_ORDERS" sort={sort} onSort={onSort} hint={t('insight.products.settled')} />
                  <SortHeader label={t('insight.perf.gmv')} field="GMV_ESTIMATED" sort={sort} onSort={onSort} />
                  <SortHeader label={t(agency ? 'insight.products.sellerPaid' : 'insight.products.youPay')} field="SELLER_PAID_ESTIMATED" sort={sort} onSort={onSort} />
                  {agency && <SortHeader label={t('insight.products.creatorsShare')} field="CREATOR_COMMISSION_ESTIMATED" sort={sort} onSort={onSort} />}
                  {agency && <SortHeader label={t('insight.products.agency')} field="AGENCY_COMMISSION_ESTIMATED" sort={sort} onSort={onSort} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const product = row.registration.product;
                  const title = product?.title ?? t('insight.products.product');
                  const n = row.numbers;
                  return (
                    <Table.Tr key={row.registration.id} data-testid="product-performance-row">
                      <Table.Td miw={220} maw={300}>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar src={product?.imageUrl} alt="" radius="sm" size={40} color="indigo">
                            <IconPackage size={18} aria-hidden />
                          </Avatar>
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Group gap={4} wrap="nowrap">
                              {row.registration.bookmarked && <IconBookmarkFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('insight.products.bookmarked')} />}
                              {agency ? (
                                <Anchor
                                  component="button"
                                  type="button"
                                  size="sm"
                                  fw={500}
                                  ta="left"
                                  lineClamp={2}
                                  onClick={() => setCollaborationsOf(row)}
                                  aria-description={t('insight.products.showsCollaborations')}
                                >
                                  {title}
                                </Anchor>
                              ) : (
                                <Text size="sm" fw={500} lineClamp={2}>
                                  {title}
                                </Text>
                              )}
                            </Group>
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {[agency ? row.registration.shop?.name : null, product?.category ? categoryLabel(t, product.category) : null, row.registration.totalRateBps !== null ? t('insight.products.total', { rate: formatRate(row.registration.totalRateBps) }) : null, product?.price ? formatMoneyOrDash(product.price) : null]
                                .filter(Boolean)
                                .join(' · ')}
                            </Text>
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <RegistrationStatusBadge status={row.status} />
                      </Table.Td>
                      <CountCell main={row.creatorsCollaborating} sub={formatCount(row.creatorsWithSales)} />
                      <CountCell main={agency ? row.samplesRequested : row.samplesApproved} sub={`${formatCount(row.samplesShipped)} · ${formatCount(row.contentPosted)}`} />
                      <CountCell main={n.paidOrders} sub={formatCount(n.actualOrders)} />
                      <MoneyCell estimated={n.gmvEstimated} actual={n.gmvActual} />
                      <MoneyCell estimated={n.sellerPaidEstimated} actual={n.sellerPaidActual} />
                      {agency && <MoneyCell estimated={n.creatorCommissionEstimated} actual={n.creatorCommissionActual} />}
                      {agency && <MoneyCell estimated={n.agencyCommissionEstimated} actual={n.agencyCommissionActual} />}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagerControls
            pager={pager}
            pageSize={PAGE_SIZE}
            shown={rows.length}
            totalCount={connection?.totalCount ?? 0}
            hasNextPage={connection?.pageInfo.hasNextPage ?? false}
            endCursor={connection?.pageInfo.endCursor}
            busy={fetching}
            label={t('insight.products.pages')}
          />
        </div>
      )}
      {agency && (
        <CollaborationsDrawer
          registrationId={collaborationsOf?.registration.id ?? null}
          title={collaborationsOf?.registration.product?.title ?? ''}
          timeZone={timeZone}
          version={version}
          onClose={() => setCollaborationsOf(null)}
        />
      )}
    </Card>
  );
}
