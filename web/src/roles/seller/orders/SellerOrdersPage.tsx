/**
 * The shop's orders at product level: what was bought, through which campaign, and the commission it pays —
 * never the creator or the split (the API returns none). Filters, CSV export, per-line receipt; live through
 * orderLineChanged.
 */
import { ForecastCard } from '../../../features/insight/ForecastCard';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { OrderReceiptDrawer } from '../../../features/orders/OrderReceipt';
import { ExportButtons, OrderFiltersBar } from '../../../features/orders/OrderFiltersBar';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, type OrderFilterValues } from '../../../features/orders/orderFilters';
import { OrderStatusBadge } from '../../../features/orders/OrderStatusBadge';
import { unattributedText } from '../../../features/orders/orderStatus';
import { localDate } from '../../../features/performance/series';
import { AttributionCell, CommissionCell, NumberCell, OrderLineProductCell, OrderLinesCard, OrderLineTr } from '../../../features/orders/OrderLinesCard';
import { useOrderLineList } from '../../../features/orders/useOrderLineList';
import { SellerOrderLinesDocument, SellerPerformanceCampaignsDocument } from '../../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { useNow } from '../../../features/performance/useNow';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 25;

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
  const list = useOrderLineList(SellerOrderLinesDocument, 'seller', filter, PAGE_SIZE);
  const { flashing, receiptOf, setReceiptOf } = list;
  const lines = list.data?.orderLines.edges.map((e) => e.node) ?? [];
  const filtered = anyOrderFilter(filters);

  return (
    <>
      <PageHeader title={t('seller.orders.title')} description={t('seller.orders.description')} actions={<ExportButtons filter={filter} />} />
      <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
        <ForecastCard />
      </div>
      <OrderLinesCard
        titleId="seller-orders-title"
        title={t('seller.orders.lines')}
        liveNote={t('seller.orders.liveNote')}
        filters={<OrderFiltersBar values={filters} onChange={setFilters} campaigns={campaigns} today={today} timeZone={tz} />}
        list={list}
        loadingLabel={t('seller.orders.loading')}
        empty={{
          title: filtered ? t('seller.orders.noMatch') : t('seller.orders.none'),
          description: filtered ? t('seller.orders.noMatchBody') : t('seller.orders.noneBody'),
        }}
        pageSize={PAGE_SIZE}
        pagesLabel={t('seller.orders.pages')}
      >
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="seller-order-lines">
            <VisuallyHidden component="caption">{t('seller.orders.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('seller.orders.colPlaced')}</Table.Th>
                <Table.Th scope="col">{t('seller.orders.colProduct')}</Table.Th>
                <Table.Th scope="col">{t('seller.perf.campaign')}</Table.Th>
                <Table.Th scope="col">{t('seller.perf.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('seller.orders.colBase')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('seller.orders.colTotalRate')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('seller.orders.colYouPay')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <OrderLineTr key={line.id} flashing={flashing.has(line.id)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(line.placedAt, tz, { withZone: false })}</Text>
                  </Table.Td>
                  <OrderLineProductCell
                    product={line.product}
                    title={line.product?.title ?? t('seller.work.product')}
                    detail={
                      <>
                        {line.platformOrderId}
                        {line.sellerSku ? ` · ${line.sellerSku}` : ''} · ×{line.quantity}
                        {line.refundedQuantity ? t('seller.orders.refunded', { shown: formatCount(line.refundedQuantity) }) : ''}
                      </>
                    }
                    color="orange"
                    opensReceipt={t('seller.orders.opensReceipt', { order: line.platformOrderId })}
                    onOpen={() => setReceiptOf(line.id)}
                    miw={240}
                    maw={340}
                  />
                  <AttributionCell
                    attributed={line.attributed}
                    primary={line.campaignName}
                    secondary={line.agencyName}
                    unattributed={unattributedText(t, line.unattributedReason)}
                    maw={240}
                  />
                  <Table.Td>
                    <OrderStatusBadge status={line.status} />
                  </Table.Td>
                  <NumberCell>{formatMoneyOrDash(line.commissionBase)}</NumberCell>
                  <NumberCell>{line.totalRateBps !== null ? formatRate(line.totalRateBps) : '—'}</NumberCell>
                  <CommissionCell commission={line.sellerCommission} notSettled={t('seller.orders.notSettled')} />
                </OrderLineTr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </OrderLinesCard>
      <OrderReceiptDrawer lineId={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
