/**
 * The creator's own order lines (phone first): product, status, base, its own rate and commission (estimated,
 * settled); tap a line for its receipt in a bottom sheet. Filters by time range and status; CSV of orders and of
 * the earnings statement. Live: commissionChanged refetches and highlights the line.
 */
import { Button, Card, Chip, Group, Loader, ScrollArea, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { DateRangeField } from '../../../components/dates/DateRangeField';
import { IconChevronRight, IconDownload, IconReceipt } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { MissingOrderSection } from './MissingOrder';
import { OrderReceiptDrawer } from '../../../features/orders/OrderReceipt';
import { anyOrderFilter, buildOrderLineFilter, EMPTY_ORDER_FILTERS, exportHref, ORDER_RANGE_PRESETS, type OrderFilterValues, type OrderRangePreset } from '../../../features/orders/orderFilters';
import { OrderStatusBadge } from '../../../features/orders/OrderStatusBadge';
import { ORDER_STATUS } from '../../../features/orders/orderStatus';
import { localDate } from '../../../features/performance/series';
import { useOrderLinesLive, useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { useFlash } from '../../../features/samples/useFlash';
import { CreatorOrderLinesDocument, type OrderLineStatus } from '../../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { ProductHeader } from '../ProductHeader';
import { EarningsHeader } from './EarningsHeader';
import { useNow } from '../../../features/performance/useNow';
import { useT, type Translate } from '../../../i18n/context';

const PAGE_SIZE = 20;
const STATUS_CHIPS: OrderLineStatus[] = ['PAID', 'SHIPPED', 'DELIVERED', 'SETTLED', 'FROZEN', 'CANCELLED', 'REFUNDED', 'PLACED'];

/** A range preset's words ("All", "7 days", "Custom"), plural per language; ORDER_RANGE_PRESETS holds the presets. */
function rangeLabel(t: Translate, range: OrderRangePreset): string {
  if (range === 'all') return t('creator.orders.all');
  if (range === 'custom') return t('creator.orders.custom');
  return t('creator.orders.lastDays', { days: Number.parseInt(range, 10) });
}

export function CreatorOrdersPage() {
  const viewer = useViewer();
  const t = useT();
  const tz = marketTimeZone(viewer.organisation.market);
  const now = useNow();
  const today = localDate(now, tz);
  const [filters, setFilters] = useState<OrderFilterValues>(EMPTY_ORDER_FILTERS);
  const [first, setFirst] = useState(PAGE_SIZE);
  const filter = buildOrderLineFilter(filters, tz, today);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorOrderLinesDocument, variables: { first, filter } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  const { version } = useOrderLinesLive('payee', flash);
  useRefetchOn(version, reload);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  const set = (patch: Partial<OrderFilterValues>) => {
    setFirst(PAGE_SIZE);
    setFilters({ ...filters, ...patch });
  };
  const connection = data?.orderLines;
  const lines = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <EarningsHeader subtitle={t('creator.orders.subtitle')} />
      <MissingOrderSection currency={viewer.organisation.market ? MARKETS[viewer.organisation.market].currency : ''} today={today} disputesHref="/creator/disputes" />

      <Stack gap="xs">
        <SegmentedControl
          fullWidth
          size="sm"
          aria-label={t('creator.orders.placedIn')}
          value={filters.range}
          onChange={(v) => set({ range: v as OrderRangePreset })}
          data={ORDER_RANGE_PRESETS.map((r) => ({ value: r, label: rangeLabel(t, r) }))}
        />
        {filters.range === 'custom' && (
          <DateRangeField
            label={t('creator.orders.days')}
            placeholder={t('creator.orders.firstLastDay')}
            value={filters.custom}
            onChange={(custom) => set({ custom })}
            maxDate={today}
            size="md"
            dropdownType="modal"
          />
        )}
        <ScrollArea type="never" offsetScrollbars={false}>
          <div role="group" aria-label={t('creator.orders.status')}>
            <Chip.Group multiple value={filters.statuses} onChange={(v) => set({ statuses: v as OrderLineStatus[] })}>
              <Group gap={6} wrap="nowrap">
                {STATUS_CHIPS.map((s) => (
                  <Chip key={s} value={s} size="sm" variant="outline" color={ORDER_STATUS[s].color}>
                    {t(ORDER_STATUS[s].label)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
        </ScrollArea>
      </Stack>

      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('creator.orders.loading')}
        empty={
          lines.length === 0 && (
            <EmptyBlock
              title={anyOrderFilter(filters) ? t('creator.orders.noMatch') : t('creator.orders.none')}
              description={anyOrderFilter(filters) ? t('creator.orders.noMatchBody') : t('creator.orders.noneBody')}
              icon={<IconReceipt aria-hidden />}
            />
          )
        }
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('creator.orders.lines')}>
          {lines.map((line) => {
            return (
              <li key={line.id}>
                <UnstyledButton
                  onClick={() => setReceiptOf(line.id)}
                  aria-description={t('creator.orders.opensReceipt', { order: line.platformOrderId })}
                  style={{ display: 'block', width: '100%', borderRadius: 'var(--mantine-radius-lg)' }}
                >
                  <Card
                    withBorder
                    radius="lg"
                    padding="md"
                    data-testid="creator-order-line"
                    data-status={line.status}
                    data-flash={flashing.has(line.id) || undefined}
                    bg={flashing.has(line.id) ? 'var(--mantine-color-yellow-light)' : undefined}
                    style={{ transition: 'background-color 600ms ease' }}
                  >
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <ProductHeader product={line.product ? { ...line.product, shopName: line.shopName } : null} size={44} />
                        <IconChevronRight size={18} color="var(--mantine-color-dimmed)" aria-hidden style={{ flexShrink: 0 }} />
                      </Group>
                      <Group justify="space-between" wrap="nowrap" align="flex-end">
                        <Stack gap={2}>
                          <OrderStatusBadge status={line.status} />
                          <Text size="xs" c="dimmed">
                            {formatDateTime(line.placedAt, tz, { withZone: false })} · ×{line.quantity}
                            {line.refundedQuantity ? t('creator.orders.refunded', { shown: formatCount(line.refundedQuantity) }) : ''}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {formatMoneyOrDash(line.commissionBase)}
                            {line.creatorRateBps !== null ? ` × ${formatRate(line.creatorRateBps)}` : ''} · {line.campaignName}
                          </Text>
                        </Stack>
                        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                          {/* An unpaid line earns nothing yet: said in words, not as a large pink zero. */}
                          {line.status === 'PLACED' ? (
                            <Text size="sm" c="dimmed" data-testid="creator-line-commission">
                              {t('creator.orders.notPaid')}
                            </Text>
                          ) : (
                            <Text fw={700} size="lg" c={isZero(line.creatorCommission?.estimated) ? 'dimmed' : 'pink'} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="creator-line-commission">
                              {formatMoneyOrDash(line.creatorCommission?.estimated)}
                            </Text>
                          )}
                          <Text size="xs" c="dimmed">
                            {line.creatorCommission?.actual ? t('creator.earnings.amountSettled', { amount: formatMoneyOrDash(line.creatorCommission.actual) }) : t('creator.orders.notSettled')}
                          </Text>
                        </Stack>
                      </Group>
                    </Stack>
                  </Card>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
      </QueryBoundary>
      {connection?.pageInfo.hasNextPage && (
        <Button variant="light" size="md" onClick={() => setFirst((n) => Math.min(n + PAGE_SIZE, 100))} disabled={first >= 100} leftSection={fetching ? <Loader size="xs" /> : undefined}>
          {first >= 100 ? t('creator.orders.latest100') : t('creator.orders.showMore', { shown: formatCount(lines.length), total: formatCount(connection.totalCount) })}
        </Button>
      )}
      {/* Side by side when both labels fit, else one under the other (long words in Malay, Filipino). */}
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={exportHref('/exports/orders.csv', filter)} download variant="default" size="md" px="sm" style={{ flex: '1 1 auto' }} leftSection={<IconDownload size={16} aria-hidden />}>
          {t('creator.orders.ordersCsv')}
        </Button>
        <Button component="a" href={exportHref('/exports/earnings.csv', filter)} download variant="default" size="md" px="sm" style={{ flex: '1 1 auto' }} leftSection={<IconDownload size={16} aria-hidden />}>
          {t('creator.orders.earningsCsv')}
        </Button>
      </Group>
      <OrderReceiptDrawer lineId={receiptOf} onClose={() => setReceiptOf(null)} sheet disputeHref="/creator/disputes" />
    </Stack>
  );
}

function isZero(money: { amount: string } | null | undefined): boolean {
  return !money || /^-?0*(\.0*)?$/.test(money.amount);
}
