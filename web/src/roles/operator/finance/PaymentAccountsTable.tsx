/** Every payee's payment account (operator): tax status, linked bank, balances; filtered by kind and tax status. */
import { Badge, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { TAX_STATUS } from '../../../features/finance/financeStatus';
import { maskedNumber } from '../../../features/finance/taxForms';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { PaymentAccountsDocument, type OrganisationKind, type TaxStatus } from '../../../generated/graphql';
import { formatMoney } from '../../../lib/format';
import { marketName } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 20;

export function PaymentAccountsTable() {
  const t = useT();
  const [kind, setKind] = useState<OrganisationKind | 'ALL'>('ALL');
  const [taxStatus, setTaxStatus] = useState<TaxStatus | null>(null);
  const pager = usePager(`${kind}-${taxStatus}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PaymentAccountsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, kind: kind === 'ALL' ? null : kind, taxStatus },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);
  const connection = data?.paymentAccounts;
  const accounts = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text size="sm" fw={500} id="payee-kind-label">
            {t('operator.accounts.payees')}
          </Text>
          <SegmentedControl
            aria-labelledby="payee-kind-label"
            value={kind}
            onChange={(v) => setKind(v as OrganisationKind | 'ALL')}
            data={[
              { value: 'ALL', label: t('operator.accounts.all') },
              { value: 'AGENCY', label: t('operator.home.agencies') },
              { value: 'CREATOR', label: t('operator.home.creators') },
            ]}
          />
        </Stack>
        <Select
          label={t('operator.accounts.taxStatus')}
          placeholder={t('operator.accounts.any')}
          clearable
          data={(Object.keys(TAX_STATUS) as TaxStatus[]).map((s) => ({ value: s, label: t(TAX_STATUS[s].label) }))}
          value={taxStatus}
          onChange={(v) => setTaxStatus(v as TaxStatus | null)}
          w={200}
        />
      </Group>
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('operator.accounts.loading')}
        empty={accounts.length === 0 && <EmptyBlock title={t('operator.accounts.noMatch')} icon={<IconUsers aria-hidden />} />}
      >
        <>
          <DataTable
            caption={t('operator.accounts.caption')}
            minWidth={900}
            verticalSpacing="sm"
            data-testid="payment-accounts-table"
            columns={[
              { label: t('operator.bills.colPayee') },
              { label: t('operator.accounts.taxStatus') },
              { label: t('operator.accounts.bankAccount') },
              { label: t('operator.accounts.estimated'), align: 'right' },
              { label: t('operator.accounts.settledToBill'), align: 'right' },
              { label: t('operator.accounts.billed'), align: 'right' },
              { label: t('operator.accounts.paidOut'), align: 'right' },
            ]}
          >
            {accounts.map((a) => {
              const meta = TAX_STATUS[a.taxStatus];
              const balances = a.balances.length ? a.balances : [null];
              return (
                <Table.Tr key={a.id} data-testid="payment-account-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {a.payeeName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('operator.accounts.payeeLine', { kind: a.payeeKind, market: marketName(a.market), currency: a.currency })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={meta.color} variant="light" radius="sm" tt="none">
                      {t(meta.label)}
                    </Badge>
                    {a.taxStatus === 'REJECTED' && a.taxInfo?.rejectReason && (
                      <Text size="xs" c="dimmed" maw={220} lineClamp={2}>
                        {a.taxInfo.rejectReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff={a.bankAccount ? 'monospace' : undefined} c={a.bankAccount ? undefined : 'dimmed'}>
                      {a.bankAccount ? `${a.bankAccount.bankName} ${maskedNumber(a.bankAccount.accountNumberLast4)}` : t('operator.accounts.notLinked')}
                    </Text>
                  </Table.Td>
                  {(['estimated', 'settledUnbilled', 'billed', 'paid'] as const).map((key) => (
                    <Table.Td key={key} ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {balances.map((b, i) => (
                        <Text key={b?.currency ?? i} size="sm">
                          {b ? formatMoney(b[key]) : '—'}
                        </Text>
                      ))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </DataTable>
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
            busy={fetching}
            label={t('operator.accounts.pages')}
          />
        </>
      </QueryBoundary>
    </Stack>
  );
}
