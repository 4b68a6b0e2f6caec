/** The seller's catalogue: search, and pages walked with the connection cursor (a stack for "Previous"). */
import { Avatar, Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconPackage } from '@tabler/icons-react';
import { SearchInput } from '../../components/SearchInput';
import { useState } from 'react';
import { useQuery } from 'urql';
import { SellerProductsDocument } from '../../generated/graphql';
import { EmptyBlock } from '../../components/QueryState';
import { RefreshOverlay } from '../../components/RefreshOverlay';
import { QueryBoundary } from '../../components/QueryBoundary';
import { formatCount, formatMoneyOrDash } from '../../lib/format';
import { useRefetchOnReconnect } from '../../session/context';
import classes from './ProductCatalogue.module.css';
import { useT } from '../../i18n/context';
import { categoryLabel } from '../../features/registrations/categoryOptions';
import { richT } from '../../i18n/rich';

const PAGE_SIZE = 10;

function ProductThumb({ imageUrl }: { imageUrl: string | null }) {
  return (
    <Avatar src={imageUrl} alt="" radius="sm" size={40} color="orange">
      <IconPackage size={18} aria-hidden />
    </Avatar>
  );
}

function StockText({ stock }: { stock: number }) {
  const t = useT();
  return stock === 0 ? (
    <Text span c="red" fw={600} inherit>
      {t('seller.catalogue.none')}
    </Text>
  ) : (
    <>{formatCount(stock)}</>
  );
}

export function ProductCatalogue() {
  const t = useT();
  // Phones get a card list instead of a five-column table.
  const isPhone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // cursors[i] is the `after` used for page i; page 0 starts at null. A new search starts at page 0.
  const [paging, setPaging] = useState<{ search: string; cursors: Array<string | null> }>({ search: '', cursors: [null] });
  const cursors = paging.search === debounced ? paging.cursors : [null];
  const setCursors = (next: Array<string | null>) => setPaging({ search: debounced, cursors: next });
  const pageIndex = cursors.length - 1;
  const after = cursors[pageIndex] ?? null;

  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerProductsDocument,
    variables: { first: PAGE_SIZE, after, search: debounced || null },
  });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));

  const connection = data?.products;
  const rows = connection?.edges ?? [];
  const from = pageIndex * PAGE_SIZE + (rows.length > 0 ? 1 : 0);
  const to = pageIndex * PAGE_SIZE + rows.length;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="catalogue-title">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h4" id="catalogue-title">
            {t('seller.catalogue.title')}
          </Title>
          {connection && (
            <Text size="sm" c="dimmed" data-testid="product-total">
              {debounced
                ? t('seller.catalogue.totalMatching', { count: connection.totalCount, shown: formatCount(connection.totalCount), search: debounced })
                : t('seller.catalogue.total', { count: connection.totalCount, shown: formatCount(connection.totalCount) })}
            </Text>
          )}
        </div>
        <SearchInput
          label={t('seller.catalogue.search')}
          placeholder={t('seller.catalogue.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          w={{ base: '100%', xs: 280 }}
        />
      </Group>

      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('seller.catalogue.loading')}
        empty={
          rows.length === 0 && (
            <EmptyBlock
              title={debounced ? t('seller.catalogue.noMatch') : t('seller.catalogue.noProducts')}
              description={debounced ? t('seller.catalogue.noMatchBody') : t('seller.catalogue.noProductsBody')}
              icon={<IconPackage aria-hidden />}
            />
          )
        }
      >
        <div style={{ position: 'relative' }}>
          <RefreshOverlay visible={fetching} />
          {isPhone ? (
            <Stack gap={0} component="ul" aria-label={t('seller.catalogue.range', { from, to, total: connection?.totalCount ?? 0 })} className={classes.cards}>
              {rows.map(({ node: p }) => (
                <li key={p.id} data-testid="product-row" className={classes.card}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ProductThumb imageUrl={p.imageUrl} />
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={600} lineClamp={2}>
                        {p.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {categoryLabel(t, p.category)}
                      </Text>
                      <Group gap="md" mt={4}>
                        <Text size="sm" fw={600} data-testid="product-price" className={classes.num}>
                          {formatMoneyOrDash(p.price)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {richT(t, 'seller.catalogue.stockLine', { count: p.skuCount, shown: formatCount(p.skuCount) }, { stock: <StockText stock={p.stock} /> })}
                        </Text>
                      </Group>
                    </Stack>
                  </Group>
                </li>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={fetching} data-testid="product-table">
              <VisuallyHidden component="caption">
                {t('seller.catalogue.range', { from, to, total: connection?.totalCount ?? 0 })}
              </VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('seller.catalogue.colProduct')}</Table.Th>
                  <Table.Th scope="col">{t('seller.catalogue.colCategory')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('seller.catalogue.colPrice')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('seller.catalogue.colStock')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('seller.catalogue.colSkus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ node: p }) => (
                  <Table.Tr key={p.id} data-testid="product-row">
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <ProductThumb imageUrl={p.imageUrl} />
                        <Text size="sm" fw={500} lineClamp={2}>
                          {p.title}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{categoryLabel(t, p.category)}</Text>
                    </Table.Td>
                    <Table.Td ta="right" className={classes.num} style={{ whiteSpace: 'nowrap' }} data-testid="product-price">
                      {formatMoneyOrDash(p.price)}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.num}>
                      {p.stock === 0 ? (
                        <Badge color="red" variant="light" tt="none">
                          {t('seller.catalogue.outOfStock')}
                        </Badge>
                      ) : (
                        formatCount(p.stock)
                      )}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.num}>
                      {formatCount(p.skuCount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('common.pager.showing', { from: formatCount(from), to: formatCount(to), total: formatCount(connection?.totalCount ?? 0) })}
            </Text>
            <Group gap="xs" component="nav" aria-label={t('seller.catalogue.pages')}>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconChevronLeft size={14} aria-hidden />}
                disabled={pageIndex === 0 || fetching}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                {t('common.pager.previous')}
              </Button>
              <Button
                variant="default"
                size="xs"
                rightSection={<IconChevronRight size={14} aria-hidden />}
                disabled={!connection?.pageInfo.hasNextPage || !connection.pageInfo.endCursor || fetching}
                onClick={() => {
                  const end = connection?.pageInfo.endCursor;
                  if (end) setCursors([...cursors, end]);
                }}
              >
                {t('common.pager.next')}
              </Button>
            </Group>
          </Group>
        </div>
      </QueryBoundary>
    </Card>
  );
}
