/**
 * The shop's orders at product level: what was bought, through which campaign, and the commission it pays —
 * never the creator or the split (the API returns none). Filters, CSV export, per-line receipt; live through
 * orderLineChanged.
 */
import { ForecastCard } from '../../../features/insight/ForecastCard';
import { Avatar, Card, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPackage, IconReceipt } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { OrderReceiptDrawer } from '../../../features/orders/OrderReceipt';
import { ExportButtons, OrderFiltersBar } from '../../../features/orders/OrderFiltersBar';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, type OrderFilterValues } from '../../../features/orders/orderFilters';
import { OrderStatusBadge } from '../../../features/orders/OrderStatusBadge';
import { unattributedText } from '../../../features/orders/orderStatus';
import { localDate } from '../../../features/performance/series';
import { useOrderLinesLive, useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { useFlash } from '../../../features/samples/useFlash';
import { SellerOrderLinesDocument, SellerPerformanceCampaignsDocument } from '../../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { useNow } from '../../../features/performance/useNow';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 25;
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function SellerOrdersPage() {
  const t = useT();
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const now = useNow();
  const today = localDate(now, tz);
  const [{ data: campaignData }] = useQuery({ query: SellerPerformanceCampaignsDocument });
  const campaigns = useMemo(
    () => (campaignData?.campaigns.edges ?? []).map(({ node }) => ({ value: node.id, label: t('seller.perf.campaignOption', { name: node.name, status: t(CAMPAIGN_STATUS[node.status].label) }) })),
    [campaignData, t],
  );
  const [filters, setFilters] = useState<OrderFilterValues>(EMPTY_ORDER_FILTERS);
  const filter = buildOrderLineFilter(filters, tz, today);
  const pager = usePager(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerOrderLinesDocument, variables: { first: PAGE_SIZE, after: pager.after, filter } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  const { version } = useOrderLinesLive('seller', flash);
  useRefetchOn(version, reload);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);

  const connection = data?.orderLines;
  const lines = connection?.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader title={t('seller.orders.title')} description={t('seller.orders.description')} actions={<ExportButtons filter={filter} />} />
      <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
        <ForecastCard />
      </div>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="seller-orders-title">
        <Group justify="space-between" align="baseline" mb="sm">
          <Title order={2} size="h4" id="seller-orders-title">
            {t('seller.orders.lines')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('seller.orders.liveNote')}
          </Text>
        </Group>
        <OrderFiltersBar values={filters} onChange={setFilters} campaigns={campaigns} today={today} timeZone={tz} />
        <div style={{ position: 'relative', marginTop: 'var(--mantine-spacing-md)' }}>
          <QueryBoundary
            data={data}
            fetching={fetching}
            error={error}
            onRetry={reload}
            loadingLabel={t('seller.orders.loading')}
            empty={
              lines.length === 0 && (
                <EmptyBlock
                  title={anyOrderFilter(filters) ? t('seller.orders.noMatch') : t('seller.orders.none')}
                  description={anyOrderFilter(filters) ? t('seller.orders.noMatchBody') : t('seller.orders.noneBody')}
                  icon={<IconReceipt aria-hidden />}
                />
              )
            }
          >
            <>
              <RefreshOverlay visible={fetching} />
              <DataTable
                caption={t('seller.orders.caption')}
                minWidth={960}
                verticalSpacing="xs"
                highlightOnHover
                data-testid="seller-order-lines"
                columns={[
                  { label: t('seller.orders.colPlaced') },
                  { label: t('seller.orders.colProduct') },
                  { label: t('seller.perf.campaign') },
                  { label: t('seller.perf.status') },
                  { label: t('seller.orders.colBase'), align: 'right' },
                  { label: t('seller.orders.colTotalRate'), align: 'right' },
                  { label: t('seller.orders.colYouPay'), align: 'right' },
                ]}
              >
                {lines.map((line) => {
                  const title = line.product?.title ?? t('seller.work.product');
                  return (
                    <Table.Tr
                      key={line.id}
                      data-testid="order-line-row"
                      data-flash={flashing.has(line.id) || undefined}
                      bg={flashing.has(line.id) ? 'var(--mantine-color-yellow-light)' : undefined}
                      style={{ transition: 'background-color 600ms ease' }}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(line.placedAt, tz, { withZone: false })}</Text>
                      </Table.Td>
                      <Table.Td miw={240} maw={340}>
                        <UnstyledButton onClick={() => setReceiptOf(line.id)} aria-description={t('seller.orders.opensReceipt', { order: line.platformOrderId })} style={{ display: 'block' }}>
                          <Group gap="sm" wrap="nowrap">
                            <Avatar src={line.product?.imageUrl} alt="" radius="sm" size={36} color="orange">
                              <IconPackage size={16} aria-hidden />
                            </Avatar>
                            <Stack gap={0} style={{ minWidth: 0 }}>
                              <Text size="sm" fw={500} lineClamp={1} c="indigo.7">
                                {title}
                              </Text>
                              <Text size="xs" c="dimmed" lineClamp={1}>
                                {line.platformOrderId}
                                {line.sellerSku ? ` · ${line.sellerSku}` : ''} · ×{line.quantity}
                                {line.refundedQuantity ? t('seller.orders.refunded', { shown: formatCount(line.refundedQuantity) }) : ''}
                              </Text>
                            </Stack>
                          </Group>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td maw={240}>
                        {line.attributed ? (
                          <>
                            <Text size="sm" lineClamp={1}>
                              {line.campaignName}
                            </Text>
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {line.agencyName}
                            </Text>
                          </>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {unattributedText(t, line.unattributedReason)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <OrderStatusBadge status={line.status} />
                      </Table.Td>
                      <Table.Td ta="right" style={NUM}>
                        <Text size="sm">{formatMoneyOrDash(line.commissionBase)}</Text>
                      </Table.Td>
                      <Table.Td ta="right" style={NUM}>
                        <Text size="sm">{line.totalRateBps !== null ? formatRate(line.totalRateBps) : '—'}</Text>
                      </Table.Td>
                      <Table.Td ta="right" style={NUM}>
                        <Text size="sm" fw={600}>
                          {formatMoneyOrDash(line.sellerCommission?.estimated)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {line.sellerCommission?.actual ? formatMoneyOrDash(line.sellerCommission.actual) : t('seller.orders.notSettled')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
              <PagerControls
                pager={pager}
                pageSize={PAGE_SIZE}
                shown={lines.length}
                totalCount={connection?.totalCount ?? 0}
                hasNextPage={connection?.pageInfo.hasNextPage ?? false}
                endCursor={connection?.pageInfo.endCursor}
                busy={fetching}
                label={t('seller.orders.pages')}
              />
            </>
          </QueryBoundary>
        </div>
      </Card>
      <OrderReceiptDrawer lineId={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
