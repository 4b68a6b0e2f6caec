/**
 * A campaign's products with their figures: filters (status, category, content, bookmark for agencies), sort by
 * any figure the viewer may see (column headers or the select), keyset pages. Agencies open each product's
 * creator collaborations. Refetches its page when `version` goes up (live).
 */
import { Card, Group, LoadingOverlay, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useCallback, useId, useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPager } from '../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import { usePager } from '../../components/usePager';
import { CampaignProductPerformanceDocument, type ProductPerformanceSortField } from '../../generated/graphql';
import { CollaborationsDrawer } from './CollaborationsDrawer';
import { SortHeader, type ProductPerformanceRow } from './ProductPerformanceCells';
import { ProductPerformanceFilters } from './ProductPerformanceFilters';
import { ProductPerformanceTableRow } from './ProductPerformanceRow';
import {
  anyProductFilter,
  buildProductFilter,
  DEFAULT_PRODUCT_SORT,
  EMPTY_PRODUCT_FILTERS,
  SORT_KEY,
  toggleSort,
  type ProductFilterValues,
  type ProductSort,
} from './productFilters';
import type { Perspective } from './series';
import { useRefetchOn } from './useLiveRefresh';
import { useT } from '../../i18n/context';

const PAGE_SIZE = 20;
type Row = ProductPerformanceRow;

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
  const onSort = (field: ProductPerformanceSortField) => setSort(toggleSort(sort, field));

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

      <ProductPerformanceFilters idPrefix={titleId} perspective={perspective} filters={filters} setFilters={setFilters} sort={sort} setSort={setSort} />

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
                {rows.map((row) => (
                  <ProductPerformanceTableRow key={row.registration.id} row={row} agency={agency} onOpenCollaborations={() => setCollaborationsOf(row)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
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
