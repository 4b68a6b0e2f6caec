/**
 * Monthly payment bills: period, amount, status and every payout attempt (reference, account, failure reason).
 * A table on desktop (the operator's with payees and selection for a payout run), cards on the phone.
 */
import { ActionIcon, Badge, Card, Checkbox, Collapse, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusChips } from '../../components/StatusChips';
import type { BillsQuery } from '../../generated/graphql';
import { formatDateTime, formatMoney } from '../../lib/format';
import { marketTimeZone } from '../../lib/markets';
import { BILL_STATUS, formatPeriod, PAYOUT_STATUS } from './financeStatus';
import { maskedNumber } from './taxForms';
import { useT } from '../../i18n/context';

export type Bill = BillsQuery['bills']['edges'][number]['node'];

export function BillStatusBadge({ status }: { status: Bill['status'] }) {
  const t = useT();
  const meta = BILL_STATUS[status];
  return <StatusBadge status={status} label={t(meta.label)} description={t(meta.description)} color={meta.color} filled={status === 'PAID'} tt="none" testId="bill-status" />;
}

function Payouts({ bill, timeZone }: { bill: Bill; timeZone: string }) {
  const t = useT();
  if (bill.payouts.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {bill.status === 'ISSUED' ? t('finance.bills.noAttemptIssued') : t('finance.bills.noAttempt')}
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('finance.bills.attempts')} data-testid="bill-payouts">
      {bill.payouts.map((p) => (
        <Group key={p.attempt} component="li" gap="xs" wrap="wrap">
          <Text size="xs" fw={600}>
            {t('finance.bills.attempt', { attempt: p.attempt })}
          </Text>
          <Badge size="xs" color={PAYOUT_STATUS[p.status].color} variant="light" tt="none" radius="sm">
            {t(PAYOUT_STATUS[p.status].label)}
          </Badge>
          <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(p.amount)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(p.completedAt ?? p.createdAt, timeZone)}
            {p.bankAccount ? ` · ${p.bankAccount.bankName} ${maskedNumber(p.bankAccount.accountNumberLast4)}` : ''}
            {p.reference ? t('finance.bills.ref', { reference: p.reference }) : ''}
          </Text>
          {p.failureReason && (
            <Text size="xs" c="red">
              {p.failureReason}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Bills as phone cards (creators). */
export function BillCards({ bills, timeZone }: { bills: Bill[]; timeZone: string }) {
  const t = useT();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('finance.bills.list')}>
      {bills.map((bill) => (
        <li key={bill.id}>
          <Card withBorder radius="lg" padding="md" data-testid="bill">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>{formatPeriod(bill.period)}</Text>
                  <Text size="xs" c="dimmed">
                    {bill.issuedAt ? t('finance.bills.issuedAt', { date: formatDateTime(bill.issuedAt, timeZone) }) : ''}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(bill.amount)}
                  </Text>
                  <BillStatusBadge status={bill.status} />
                </Stack>
              </Group>
              {bill.failedReason && (
                <Text size="xs" c="red">
                  {bill.failedReason}
                </Text>
              )}
              <Payouts bill={bill} timeZone={timeZone} />
            </Stack>
          </Card>
        </li>
      ))}
    </Stack>
  );
}

export interface BillsTableProps {
  bills: Bill[];
  /** The operator's view: a payee column, and selection of bills to pay. */
  withPayee?: boolean;
  selectable?: boolean;
  selected?: ReadonlySet<string>;
  onSelectedChange?: (ids: ReadonlySet<string>) => void;
  /** The zone for payees without a market (the operator's: UTC). */
  timeZone: string;
}

const PAYABLE: ReadonlyArray<Bill['status']> = ['ISSUED', 'FAILED'];

export function BillsTable({ bills, withPayee = false, selectable = false, selected = new Set(), onSelectedChange, timeZone }: BillsTableProps) {
  const t = useT();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleOpen = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const payable = bills.filter((b) => PAYABLE.includes(b.status)).map((b) => b.id);
  const chosen = payable.filter((id) => selected.has(id));
  const all = payable.length > 0 && chosen.length === payable.length;
  const columns = 6 + (withPayee ? 1 : 0) + (selectable ? 1 : 0);

  return (
    <Table.ScrollContainer minWidth={withPayee ? 960 : 720}>
      <Table verticalSpacing="sm" data-testid="bills-table">
        <VisuallyHidden component="caption">{t('finance.bills.caption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('finance.bills.selectAll')}
                  checked={all}
                  indeterminate={chosen.length > 0 && !all}
                  disabled={payable.length === 0}
                  onChange={() => onSelectedChange?.(all ? new Set() : new Set(payable))}
                />
              </Table.Th>
            )}
            <Table.Th w={40}>
              <VisuallyHidden>{t('finance.bills.payouts')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('finance.bills.period')}</Table.Th>
            {withPayee && <Table.Th scope="col">{t('finance.bills.payee')}</Table.Th>}
            <Table.Th scope="col" ta="right">
              {t('finance.bills.amount')}
            </Table.Th>
            <Table.Th scope="col">{t('finance.bills.status')}</Table.Th>
            <Table.Th scope="col">{t('finance.bills.issuedPaid')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('finance.bills.attemptsCol')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bills.map((bill) => {
            const tz = bill.payee?.market ? marketTimeZone(bill.payee.market) : timeZone;
            const expanded = open.has(bill.id);
            const label = bill.payee ? t('finance.bills.periodFor', { period: formatPeriod(bill.period), payee: bill.payee.payeeName }) : formatPeriod(bill.period);
            return (
              <Fragment key={bill.id}>
                <Table.Tr data-testid="bill-row" data-status={bill.status}>
                  {selectable && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('finance.bills.selectBill', { label })}
                        checked={selected.has(bill.id)}
                        disabled={!PAYABLE.includes(bill.status)}
                        onChange={() => {
                          const next = new Set(selected);
                          if (next.has(bill.id)) next.delete(bill.id);
                          else next.add(bill.id);
                          onSelectedChange?.(next);
                        }}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" onClick={() => toggleOpen(bill.id)} aria-expanded={expanded} aria-label={t('finance.bills.attemptsOf', { label })}>
                      {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {formatPeriod(bill.period)}
                    </Text>
                  </Table.Td>
                  {withPayee && (
                    <Table.Td>
                      <Text size="sm">{bill.payee?.payeeName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {bill.payee ? t('finance.bills.payeeLine', { kind: bill.payee.payeeKind, market: bill.payee.market }) : ''}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text size="sm" fw={700}>
                      {formatMoney(bill.amount)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <BillStatusBadge status={bill.status} />
                      {bill.failedReason && (
                        <Text size="xs" c="red" maw={240}>
                          {bill.failedReason}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{bill.issuedAt ? formatDateTime(bill.issuedAt, tz) : '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {bill.paidAt ? t('finance.bills.paidAt', { date: formatDateTime(bill.paidAt, tz) }) : t('finance.bills.notPaid')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{bill.attempts}</Table.Td>
                </Table.Tr>
                <Table.Tr style={{ display: expanded ? undefined : 'none' }}>
                  <Table.Td colSpan={columns} bg="var(--mantine-color-gray-0)">
                    <Collapse expanded={expanded}>
                      <Payouts bill={bill} timeZone={tz} />
                    </Collapse>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const BILL_FILTER_STATUSES: Bill['status'][] = ['ISSUED', 'FAILED', 'PAID'];

/** The status filter over a bills list (none chosen: every status). */
export function BillStatusChips({ label, value, onChange, size = 'xs' }: { label: string; value: Bill['status'][]; onChange: (next: Bill['status'][]) => void; size?: 'xs' | 'sm' }) {
  const t = useT();
  return <StatusChips label={label} options={BILL_FILTER_STATUSES} value={value} onChange={onChange} size={size} meta={(s) => ({ color: BILL_STATUS[s].color, text: t(BILL_STATUS[s].label) })} />;
}
