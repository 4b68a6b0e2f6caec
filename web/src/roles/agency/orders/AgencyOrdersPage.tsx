/**
 * The agency's orders and earnings: its ledger balances, every attributed and unattributed line of its campaigns
 * with the creator and the whole split (filters by time range, campaign and status; CSV of orders and of the
 * earnings statement), and the per-line receipt. Live: commissionChanged refetches the page and flashes the line.
 */
import { ForecastCard } from '../../../features/insight/ForecastCard';
import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { queryFallback } from '../../../components/queryFallback';
import { BalanceSummary } from '../../../features/finance/BalanceSummary';
import { OrderReceiptDrawer } from '../../../features/orders/OrderReceipt';
import { ExportButtons, OrderFiltersBar } from '../../../features/orders/OrderFiltersBar';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, type OrderFilterValues } from '../../../features/orders/orderFilters';
import { OrderStatusBadge } from '../../../features/orders/OrderStatusBadge';
import { currencyTimeZone } from '../../../features/orders/receipt';
import { localDate } from '../../../features/performance/series';
import { useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { AttributionCell, CommissionCell, NumberCell, OrderLineProductCell, OrderLinesCard, OrderLineTr } from '../../../features/orders/OrderLinesCard';
import { useOrderLineList } from '../../../features/orders/useOrderLineList';
import { AgencyEarningsDocument, AgencyOrderLinesDocument } from '../../../generated/graphql';
import { formatCount, formatDate, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { formatTime } from '../../../features/orders/orderStatus';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { useCampaignOptions } from '../lists/useCampaignOptions';
import { useNow } from '../../../features/performance/useNow';

const PAGE_SIZE = 25;
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

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
  const list = useOrderLineList(AgencyOrderLinesDocument, 'payee', filter, PAGE_SIZE);
  const { flashing, version, receiptOf, setReceiptOf } = list;
  const lines = list.data?.orderLines.edges.map((e) => e.node) ?? [];
  const filtered = anyOrderFilter(filters);

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
        <OrderLinesCard
          titleId="agency-orders-title"
          title={t('agency.orders.lines')}
          liveNote={t('agency.orders.liveNote')}
          filters={<OrderFiltersBar values={filters} onChange={setFilters} campaigns={campaigns} today={today} timeZone={tz} />}
          list={list}
          loadingLabel={t('agency.orders.loading')}
          empty={{
            title: filtered ? t('agency.orders.noMatch') : t('agency.orders.none'),
            description: filtered ? t('agency.orders.noMatchHelp') : t('agency.orders.noneHelp'),
          }}
          pageSize={PAGE_SIZE}
          pagesLabel={t('agency.orders.pages')}
        >
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
                  const lineTz = currencyTimeZone(line.currency);
                  return (
                    <OrderLineTr key={line.id} flashing={flashing.has(line.id)}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDate(line.placedAt, lineTz)}</Text>
                        <Text size="xs" c="dimmed">
                          {formatTime(line.placedAt, lineTz)}
                        </Text>
                      </Table.Td>
                      <OrderLineProductCell
                        product={line.product}
                        title={line.product?.title ?? t('agency.orders.product')}
                        detail={
                          <>
                            {line.platformOrderId} · ×{formatCount(line.quantity)}
                            {line.refundedQuantity ? ` (${t('agency.orders.refunded', { shown: formatCount(line.refundedQuantity) })})` : ''} · {line.shopName}
                          </>
                        }
                        color="indigo"
                        opensReceipt={t('agency.orders.opensReceipt', { order: line.platformOrderId })}
                        onOpen={() => setReceiptOf(line.id)}
                        miw={260}
                        maw={320}
                      />
                      <AttributionCell
                        attributed={line.attributed}
                        primary={line.creator?.displayName ?? line.creatorName ?? '—'}
                        secondary={line.campaignName}
                        unattributed={t('agency.orders.notAttributed')}
                        miw={170}
                        maw={220}
                      />
                      <Table.Td>
                        <OrderStatusBadge status={line.status} />
                      </Table.Td>
                      <NumberCell>{formatMoneyOrDash(line.commissionBase)}</NumberCell>
                      <Table.Td ta="right" style={NUM}>
                        <Text size="sm">{line.totalRateBps !== null ? formatRate(line.totalRateBps) : '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {line.creatorRateBps !== null ? formatRate(line.creatorRateBps) : '—'} · {line.agencyRateBps !== null ? formatRate(line.agencyRateBps) : '—'}
                        </Text>
                      </Table.Td>
                      <CommissionCell commission={line.sellerCommission} notSettled={t('agency.orders.notSettled')} />
                      <CommissionCell commission={line.creatorCommission} notSettled={t('agency.orders.notSettled')} />
                      <CommissionCell commission={line.agencyCommission} notSettled={t('agency.orders.notSettled')} />
                    </OrderLineTr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </OrderLinesCard>
      </Stack>
      <OrderReceiptDrawer lineId={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
