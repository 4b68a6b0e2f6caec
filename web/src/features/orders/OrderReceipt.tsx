/**
 * The per-line receipt — "why this number": what was paid and refunded, the base the rates apply to, each rate the
 * viewer may see and where it came from, the commission per party (first estimate, estimate now, actual, due now),
 * every ledger posting with its reason and time, and the platform events behind them. In a side drawer on desktop,
 * a bottom sheet on the phone.
 */
import { Avatar, Badge, Box, Divider, Drawer, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconPackage, IconReceipt } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { CommissionChangedDocument, OrderLineReceiptDocument, type OrderLineReceiptQuery } from '../../generated/graphql';
import { LineDisputeForm } from '../disputes/LineDisputeForm';
import { useLiveRefresh, useRefetchOn } from '../performance/useLiveRefresh';
import { formatCount, formatDateTime, formatMoney, formatMoneyOrDash, formatRate } from '../../lib/format';
import { moneyToMinor } from '../performance/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { eventLabel, LEDGER_ACCOUNT_LABEL, LEDGER_PHASE_LABEL, RATE_SOURCE_LABEL, unattributedText } from './orderStatus';
import { currencyTimeZone, partyRows, type Party } from './receipt';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';

type Line = NonNullable<OrderLineReceiptQuery['orderLine']>;
type Receipt = NonNullable<Line['receipt']>;

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

const PARTY_KEY: Readonly<Record<Party, MessageKey>> = {
  seller: 'status.receipt.party.seller',
  creator: 'status.receipt.party.creator',
  agency: 'status.receipt.party.agency',
};

/** A commission row's name: the party, or "You pay" / "You earn" when the viewer sees only its own. */
function partyName(t: ReturnType<typeof useT>, party: Party, onlyOwn: boolean): string {
  if (onlyOwn) return t(party === 'seller' ? 'status.receipt.youPay' : 'status.receipt.youEarn');
  return t(PARTY_KEY[party]);
}

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} style={NUM} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6} component="section">
      <Title order={3} size="h6" tt="uppercase" c="dimmed" fw={700}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function ReceiptBody({ line, receipt, compact }: { line: Line; receipt: Receipt; compact: boolean }) {
  const t = useT();
  const tz = currencyTimeZone(receipt.currency);
  const rows = partyRows(receipt);
  const rates = [
    { id: 'total', label: t('status.receipt.totalRate'), rate: receipt.totalRate },
    { id: 'creator', label: t('status.receipt.creatorRate'), rate: receipt.creatorRate },
    { id: 'agency', label: t('status.receipt.agencyRate'), rate: receipt.agencyRate },
  ].filter((r) => r.rate !== null);
  const times = [
    { label: t('status.receipt.placed'), at: receipt.placedAt },
    { label: t('status.receipt.paid'), at: receipt.paidAt },
    { label: t('status.receipt.shipped'), at: receipt.shippedAt },
    { label: t('status.receipt.delivered'), at: receipt.deliveredAt },
    { label: t('status.receipt.onHold'), at: receipt.frozenAt },
    { label: t('status.receipt.cancelled'), at: receipt.cancelledAt },
    { label: t('status.receipt.refunded'), at: receipt.refundedAt },
    { label: receipt.settledAt ? t('status.receipt.settled') : t('status.receipt.settlesAfter'), at: receipt.settledAt ?? receipt.settleAfter },
  ].filter((d): d is { label: string; at: string } => Boolean(d.at));

  return (
    <Stack gap="lg" data-testid="order-receipt">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar src={line.product?.imageUrl} alt="" radius="md" size={52} color="indigo">
          <IconPackage size={22} aria-hidden />
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} lineClamp={2}>
            {line.product?.title ?? t('status.receipt.product')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('status.receipt.orderLine', { order: line.platformOrderId, line: line.platformLineId })}
            {line.sellerSku ? ` · ${t('status.receipt.sku', { sku: line.sellerSku })}` : ''}
          </Text>
          <Group gap={6}>
            <OrderStatusBadge status={receipt.status} />
            <Text size="xs" c="dimmed">
              {[line.shopName, line.campaignName, line.agencyName, line.creatorName].filter(Boolean).join(' · ')}
            </Text>
          </Group>
        </Stack>
      </Group>

      <Section title={t('status.receipt.baseTitle')}>
        <Row label={`${formatMoney(receipt.unitPrice)} × ${formatCount(receipt.quantity)}`} value={formatMoney(receipt.paidAmount)} />
        {moneyToMinor(receipt.refundedAmount) !== 0n && (
          <Row
            label={receipt.refundedQuantity ? t('status.receipt.refundedUnits', { count: receipt.refundedQuantity, shown: formatCount(receipt.refundedQuantity) }) : t('status.receipt.refunded')}
            value={`− ${formatMoney(receipt.refundedAmount)}`}
          />
        )}
        <Divider />
        <Row label={t('status.receipt.base')} value={formatMoney(receipt.base)} strong testId="receipt-base" />
      </Section>

      {!receipt.attributed ? (
        <Section title={t('status.receipt.commission')}>
          <Text size="sm">{unattributedText(t, receipt.unattributedReason)} {t('status.receipt.noCommission')}</Text>
        </Section>
      ) : (
        <>
          <Section title={t('status.receipt.rates')}>
            {rates.map(({ id, label, rate }) => (
              <Stack key={id} gap={0}>
                <Row label={label} value={formatRate(rate!.bps)} testId={`receipt-${id}-rate`} />
                <Text size="xs" c="dimmed">
                  {t('status.receipt.rateFrom', { source: t(RATE_SOURCE_LABEL[rate!.source]) })}
                </Text>
              </Stack>
            ))}
            <Text size="xs" c="dimmed">
              {t('status.receipt.ratesHelp')}
            </Text>
          </Section>

          <Section title={t('status.receipt.commission')}>
            <Table.ScrollContainer minWidth={compact ? 300 : 420}>
              <Table verticalSpacing={4} horizontalSpacing="xs" data-testid="receipt-amounts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" />
                    <Table.Th scope="col" ta="right">
                      {t('status.receipt.firstEstimate')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('status.receipt.now')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('status.receipt.actual')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.party} data-party={r.party}>
                      <Table.Th scope="row" fw={600}>
                        {partyName(t, r.party, rows.length === 1)}
                      </Table.Th>
                      <Table.Td ta="right" style={NUM}>
                        {formatMoneyOrDash(r.firstEstimate)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUM} fw={700} data-testid={`receipt-due-${r.party}`}>
                        {formatMoneyOrDash(r.dueNow)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUM}>
                        {r.actual ? formatMoney(r.actual) : t('status.receipt.notSettled')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('status.receipt.amountsHelp')}
            </Text>
          </Section>
        </>
      )}

      <Section title={t('status.receipt.dates')}>
        {times.map((d) => (
          <Row key={d.label} label={d.label} value={formatDateTime(d.at, tz)} />
        ))}
      </Section>

      <Section title={t('status.receipt.postings')}>
        {receipt.postings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('status.receipt.noPostings')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={receipt.postings.length - 1} data-testid="receipt-postings">
            {receipt.postings.map((p, i) => (
              <Timeline.Item key={`${p.at}-${i}`} title={<Text size="sm" fw={600}>{p.reason}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(p.at, tz)}
                </Text>
                <Stack gap={0} mt={2}>
                  {p.legs.map((leg, j) => (
                    <Group key={j} gap={6} wrap="nowrap" justify="space-between">
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" span>
                          {t(LEDGER_ACCOUNT_LABEL[leg.account])}
                        </Text>
                        <Badge size="xs" variant="light" color={leg.phase === 'SETTLED' ? 'teal' : 'gray'} tt="none" radius="sm">
                          {t(LEDGER_PHASE_LABEL[leg.phase])}
                        </Badge>
                      </Group>
                      <Text size="xs" fw={600} style={NUM}>
                        {formatMoney(leg.amount)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Section>

      <Section title={t('status.receipt.events')}>
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="receipt-events">
          {receipt.events.map((e) => (
            <Box component="li" key={e.eventId}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={500}>
                  {eventLabel(t, e.type)}
                  {e.reason ? `: ${e.reason}` : ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.occurredAt, tz, { withZone: false })}
                </Text>
              </Group>
              {(e.heldReason || !e.appliedAt) && (
                <Text size="xs" c="orange">
                  {e.heldReason ? t('status.receipt.held', { reason: e.heldReason }) : t('status.receipt.notApplied')}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}

function ReceiptLoader({ lineId, compact, disputeHref }: { lineId: string; compact: boolean; disputeHref?: string }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderLineReceiptDocument, variables: { id: lineId }, requestPolicy: 'cache-and-network' });
  // A payee's receipt follows its line live (a settlement, a refund, a dispute's adjustment).
  const live = useLiveRefresh(CommissionChangedDocument, {}, disputeHref !== undefined);
  useRefetchOn(live.version, () => refetch({ requestPolicy: 'network-only' }));
  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('status.receipt.loading') });
  if (pending) return pending;
  const line = data?.orderLine;
  if (!line?.receipt) return <EmptyBlock title={t('status.receipt.unavailable')} description={t('status.receipt.unavailableHelp')} icon={<IconReceipt aria-hidden />} />;
  return (
    <Stack gap="md">
      <ReceiptBody line={line} receipt={line.receipt} compact={compact} />
      {disputeHref && line.receipt.attributed && <LineDisputeForm lineId={line.id} currency={line.currency} inboxHref={disputeHref} />}
    </Stack>
  );
}

export interface OrderReceiptDrawerProps {
  /** The line to explain; null closes it. */
  lineId: string | null;
  onClose: () => void;
  /** A bottom sheet for the phone (creators). */
  sheet?: boolean;
  /** Creators: the receipt follows the line live and offers to dispute it; the inbox is here. */
  disputeHref?: string;
}

export function OrderReceiptDrawer({ lineId, onClose, sheet = false, disputeHref }: OrderReceiptDrawerProps) {
  const t = useT();
  return (
    <Drawer
      opened={lineId !== null}
      onClose={onClose}
      position={sheet ? 'bottom' : 'right'}
      size={sheet ? '92%' : 560}
      radius={sheet ? 'lg' : undefined}
      title={
        <Group gap="xs">
          <IconReceipt size={18} aria-hidden />
          <Text fw={700}>{t('status.receipt.title')}</Text>
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('status.receipt.close') }}
    >
      {lineId && <ReceiptLoader lineId={lineId} compact={sheet} disputeHref={disputeHref} />}
    </Drawer>
  );
}
