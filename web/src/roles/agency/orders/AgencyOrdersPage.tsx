/**
 * The agency's orders and earnings: its ledger balances, every attributed and unattributed line of its campaigns
 * with the creator and the whole split (filters by time range, campaign and status; CSV of orders and of the
 * earnings statement), and the per-line receipt. Live: commissionChanged refetches the page and flashes the line.
 */
import { ForecastCard } from '../../../features/insight/ForecastCard';
import { Avatar, Card, Group, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconPackage, IconReceipt } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { queryFallback } from '../../../components/queryFallback';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { BalanceSummary } from '../../../features/finance/BalanceSummary';
import { OrderReceiptDrawer } from '../../../features/orders/OrderReceipt';
import { ExportButtons, OrderFiltersBar } from '../../../features/orders/OrderFiltersBar';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, type OrderFilterValues } from '../../../features/orders/orderFilters';
import { OrderStatusBadge } from '../../../features/orders/OrderStatusBadge';
import { currencyTimeZone } from '../../../features/orders/receipt';
import { localDate } from '../../../features/performance/series';
import { useOrderLinesLive, useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { useFlash } from '../../../features/samples/useFlash';
import { AgencyEarningsDocument, AgencyOrderLinesDocument, type AgencyOrderLinesQuery } from '../../../generated/graphql';
import { formatCount, formatDate, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { formatTime } from '../../../features/orders/orderStatus';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { useCampaignOptions } from '../lists/useCampaignOptions';
import { useNow } from '../../../features/performance/useNow';

const PAGE_SIZE = 25;
type Line = AgencyOrderLinesQuery['orderLines']['edges'][number]['node'];
type Commission = Line['sellerCommission'];
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function CommissionCell({ commission }: { commission: Commission }) {
  const t = useT();
  return (
    <Table.Td ta="right" style={NUM}>
      <Text size="sm" fw={600}>
        {formatMoneyOrDash(commission?.estimated)}
      </Text>
      <Text size="xs" c="dimmed">
        {commission?.actual ? formatMoneyOrDash(commission.actual) : t('agency.orders.notSettled')}
      </Text>
    </Table.Td>
  );
}

function EarningsSection({ version }: { version: number }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyEarningsDocument });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, errorTitle: t('agency.orders.earningsError'), loadingLabel: t('agency.orders.earningsLoading') });
  if (pending) return pending;
  const earnings = data?.earnings ?? [];
  if (earnings.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="agency-earnings-title">
      <Title order={2} size="h4" id="agency-earnings-title">
        {t('agency.orders.earnings')}
      </Title>
      {earnings.map((e) => (
        <BalanceSummary key={e.currency} balance={e} />
      ))}
    </Stack>
  );
}

export function AgencyOrdersPage() {
  const viewer = useViewer();
  const t = useT();
  const { options: campaigns } = useCampaignOptions();
  const [filters, setFilters] = useState<OrderFilterValues>(EMPTY_ORDER_FILTERS);
  const campaignMarket = campaigns.find((c) => c.value === filters.campaignId)?.market;
  const tz = marketTimeZone(campaignMarket ?? viewer.organisation.market);
  const now = useNow();
  const today = localDate(now, tz);
  const filter = buildOrderLineFilter(filters, tz, today);
  const pager = usePager(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyOrderLinesDocument, variables: { first: PAGE_SIZE, after: pager.after, filter } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  const { version } = useOrderLinesLive('payee', flash);
  useRefetchOn(version, reload);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);

  const connection = data?.orderLines;
  const lines = connection?.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title={t('agency.orders.title')}
        description={t('agency.orders.description')}
        actions={<ExportButtons filter={filter} earnings />}
      />
      <Stack gap="lg">
        <EarningsSection version={version} />
        <ForecastCard />
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agency-orders-title">
          <Group justify="space-between" align="baseline" mb="sm">
            <Title order={2} size="h4" id="agency-orders-title">
              {t('agency.orders.lines')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('agency.orders.liveNote')}
            </Text>
          </Group>
          <OrderFiltersBar values={filters} onChange={setFilters} campaigns={campaigns} today={today} timeZone={tz} />
          <div style={{ position: 'relative', marginTop: 'var(--mantine-spacing-md)' }}>
            <QueryBoundary
              data={data}
              fetching={fetching}
              error={error}
              onRetry={reload}
              loadingLabel={t('agency.orders.loading')}
              empty={
                lines.length === 0 && (
                  <EmptyBlock
                    title={anyOrderFilter(filters) ? t('agency.orders.noMatch') : t('agency.orders.none')}
                    description={anyOrderFilter(filters) ? t('agency.orders.noMatchHelp') : t('agency.orders.noneHelp')}
                    icon={<IconReceipt aria-hidden />}
                  />
                )
              }
            >
              <>
                <RefreshOverlay visible={fetching} />
                <Table.ScrollContainer minWidth={1140}>
                  <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover data-testid="agency-order-lines">
                    <VisuallyHidden component="caption">{t('agency.orders.caption')}</VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('agency.orders.col.placed')}</Table.Th>
                        <Table.Th scope="col">{t('agency.orders.col.product')}</Table.Th>
                        <Table.Th scope="col">{t('agency.orders.col.creator')}</Table.Th>
                        <Table.Th scope="col">{t('agency.orders.col.status')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('agency.orders.col.base')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('agency.orders.col.rates')}
                          <Text size="xs" c="dimmed" fw={400}>
                            {t('agency.orders.col.ratesHelp')}
                          </Text>
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('agency.orders.col.sellerPays')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('agency.orders.col.creatorEarns')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('agency.orders.col.agencyEarns')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {lines.map((line) => {
                        const title = line.product?.title ?? t('agency.orders.product');
                        const lineTz = currencyTimeZone(line.currency);
                        return (
                          <Table.Tr
                            key={line.id}
                            data-testid="order-line-row"
                            data-flash={flashing.has(line.id) || undefined}
                            bg={flashing.has(line.id) ? 'var(--mantine-color-yellow-light)' : undefined}
                            style={{ transition: 'background-color 600ms ease' }}
                          >
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              <Text size="sm">{formatDate(line.placedAt, lineTz)}</Text>
                              <Text size="xs" c="dimmed">
                                {formatTime(line.placedAt, lineTz)}
                              </Text>
                            </Table.Td>
                            <Table.Td miw={260} maw={320}>
                              <UnstyledButton onClick={() => setReceiptOf(line.id)} aria-description={t('agency.orders.opensReceipt', { order: line.platformOrderId })} style={{ display: 'block' }}>
                                <Group gap="sm" wrap="nowrap">
                                  <Avatar src={line.product?.imageUrl} alt="" radius="sm" size={36} color="indigo">
                                    <IconPackage size={16} aria-hidden />
                                  </Avatar>
                                  <Stack gap={0} style={{ minWidth: 0 }}>
                                    <Text size="sm" fw={500} lineClamp={1} c="indigo.7">
                                      {title}
                                    </Text>
                                    <Text size="xs" c="dimmed" lineClamp={1}>
                                      {line.platformOrderId} · ×{formatCount(line.quantity)}
                                      {line.refundedQuantity ? ` (${t('agency.orders.refunded', { shown: formatCount(line.refundedQuantity) })})` : ''} · {line.shopName}
                                    </Text>
                                  </Stack>
                                </Group>
                              </UnstyledButton>
                            </Table.Td>
                            <Table.Td miw={170} maw={220}>
                              {line.attributed ? (
                                <>
                                  <Text size="sm" lineClamp={1}>
                                    {line.creator?.displayName ?? line.creatorName ?? '—'}
                                  </Text>
                                  <Text size="xs" c="dimmed" lineClamp={1}>
                                    {line.campaignName}
                                  </Text>
                                </>
                              ) : (
                                <Text size="xs" c="dimmed">
                                  {t('agency.orders.notAttributed')}
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
                              <Text size="xs" c="dimmed">
                                {line.creatorRateBps !== null ? formatRate(line.creatorRateBps) : '—'} · {line.agencyRateBps !== null ? formatRate(line.agencyRateBps) : '—'}
                              </Text>
                            </Table.Td>
                            <CommissionCell commission={line.sellerCommission} />
                            <CommissionCell commission={line.creatorCommission} />
                            <CommissionCell commission={line.agencyCommission} />
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <PagerControls
                  pager={pager}
                  pageSize={PAGE_SIZE}
                  shown={lines.length}
                  totalCount={connection?.totalCount ?? 0}
                  hasNextPage={connection?.pageInfo.hasNextPage ?? false}
                  endCursor={connection?.pageInfo.endCursor}
                  busy={fetching}
                  label={t('agency.orders.pages')}
                />
              </>
            </QueryBoundary>
          </div>
        </Card>
      </Stack>
      <OrderReceiptDrawer lineId={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
