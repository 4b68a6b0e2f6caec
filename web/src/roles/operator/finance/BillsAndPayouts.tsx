/**
 * The operator's bills: issue an ended month's bills now (the sweeper does it on the 1st), every bill with its
 * payee and payout attempts, and a payout run for the selected (or every issued and failed) bill with its result
 * per bill: PAID, FAILED (retried next run) or PAYOUT_BLOCKED with the reason.
 */
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCash, IconFileInvoice } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { BillsTable, BillStatusChips } from '../../../features/finance/BillsList';
import { BLOCK_REASON_LABEL, endedPeriods, formatPeriod, PAYOUT_OUTCOME } from '../../../features/finance/financeStatus';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { BillsDocument, BillsGenerateDocument, PayoutRunDocument, type BillStatus, type PayoutRunMutation } from '../../../generated/graphql';
import { mutationFormErrors, mutationProblem } from '../../../components/mutationResult';
import { formatCount, formatMoney } from '../../../lib/format';
import { useRefetchOnReconnect } from '../../../session/context';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 25;
type RunResult = PayoutRunMutation['payoutRun']['results'][number];
const GENERATE_FIELDS = ['period'] as const;

/** Issue an ended month's bills now: the month, then what was issued. */
export function GenerateBills({ onIssued }: { onIssued: () => void }) {
  const t = useT();
  const [periods] = useState(() => endedPeriods(new Date(), 12));
  // The server's answer shows at the month until another month is chosen or the next try.
  const form = useForm({ mode: 'controlled', initialValues: { period: periods[0]! } });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [{ fetching }, generate] = useMutation(BillsGenerateDocument);
  const run = async ({ period }: { period: string }) => {
    form.clearErrors();
    setOutcome(null);
    const result = await generate({ input: { period } });
    const payload = result.data?.billsGenerate;
    const problems = mutationFormErrors(result, payload?.userErrors, GENERATE_FIELDS);
    // About the month when the server says so; else everything it says, at the month all the same.
    if (problems) return form.setFieldError('period', problems.fieldErrors.period ?? problems.formErrors.join(' '));
    const bills = payload?.bills ?? [];
    setOutcome(bills.length === 0 ? t('operator.bills.nothingToBill', { period: formatPeriod(period) }) : t('operator.bills.issuedFor', { count: bills.length, shown: formatCount(bills.length), period: formatPeriod(period) }));
    if (bills.length) notifications.show({ color: 'teal', title: t('operator.bills.issued'), message: t('operator.bills.issuedToast', { shown: formatCount(bills.length), period: formatPeriod(period) }) });
    onIssued();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="generate-title">
      <Title order={3} size="h5" id="generate-title" mb={4}>
        {t('operator.bills.issueMonthly')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('operator.bills.issueMonthlyBody')}
      </Text>
      <Group align="flex-start" gap="sm">
        <Select
          label={t('operator.bills.month')}
          data={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
          {...form.getInputProps('period')}
          allowDeselect={false}
          w={220}
        />
        <Button mt={25} leftSection={<IconFileInvoice size={16} aria-hidden />} loading={fetching} onClick={() => void run(form.getValues())}>
          {t('operator.bills.issueBills')}
        </Button>
      </Group>
      {outcome && (
        <Text size="sm" mt="sm" role="status" data-testid="bills-generated">
          {outcome}
        </Text>
      )}
    </Card>
  );
}

function RunResults({ results, onClose }: { results: RunResult[]; onClose: () => void }) {
  const t = useT();
  return (
    <Alert color="gray" variant="light" title={t('operator.bills.runTitle', { count: results.length, shown: formatCount(results.length) })} withCloseButton onClose={onClose} data-testid="payout-results">
      {results.length === 0 ? (
        <Text size="sm">{t('operator.bills.nothingToPay')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('operator.bills.colPayee')}</Table.Th>
                <Table.Th scope="col">{t('operator.bills.month')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('operator.bills.colAmount')}
                </Table.Th>
                <Table.Th scope="col">{t('operator.bills.colOutcome')}</Table.Th>
                <Table.Th scope="col">{t('operator.bills.colDetails')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((r, i) => (
                <Table.Tr key={r.bill?.id ?? i} data-testid="payout-result" data-outcome={r.outcome}>
                  <Table.Td>{r.bill?.payee?.payeeName ?? '—'}</Table.Td>
                  <Table.Td>{r.bill ? formatPeriod(r.bill.period) : '—'}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.bill ? formatMoney(r.bill.amount) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={PAYOUT_OUTCOME[r.outcome].color} variant="light" radius="sm" tt="none">
                      {t(PAYOUT_OUTCOME[r.outcome].label)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {r.blockReason ? t('operator.bills.blockReason', { reason: t(BLOCK_REASON_LABEL[r.blockReason]) }) : ''}
                      {r.message}
                      {r.payout?.reference ? t('operator.bills.ref', { reference: r.payout.reference }) : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Alert>
  );
}

export function BillsAndPayouts() {
  const t = useT();
  const [statuses, setStatuses] = useState<BillStatus[]>([]);
  const pager = usePager(statuses.join());
  const [{ data, fetching, error }, refetch] = useQuery({ query: BillsDocument, variables: { first: PAGE_SIZE, after: pager.after, status: statuses.length ? statuses : null } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<RunResult[] | null>(null);
  const [{ fetching: running }, runPayouts] = useMutation(PayoutRunDocument);
  const connection = data?.bills;
  const bills = connection?.edges.map((e) => e.node) ?? [];
  const chosen = bills.filter((b) => selected.has(b.id)).map((b) => b.id);

  const run = async () => {
    const result = await runPayouts({ input: { billIds: chosen.length ? chosen : null } });
    const payload = result.data?.payoutRun;
    const problem = mutationProblem(result, payload?.userErrors);
    if (problem || !payload) {
      notifications.show({ color: 'red', title: t('operator.bills.runNotStarted'), message: problem || t('operator.noAnswer') });
      return;
    }
    setResults(payload.results);
    setSelected(new Set());
    reload();
  };

  return (
    <Stack gap="md">
      <GenerateBills onIssued={reload} />
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="bills-title">
        <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
          <Title order={3} size="h5" id="bills-title">
            {t('operator.bills.title')}
          </Title>
          <Button color="teal" leftSection={<IconCash size={16} aria-hidden />} loading={running} onClick={() => void run()} data-testid="payout-run">
            {chosen.length ? t('operator.bills.paySelected', { shown: formatCount(chosen.length) }) : t('operator.bills.payAll')}
          </Button>
        </Group>
        <Stack gap="sm">
          {results && <RunResults results={results} onClose={() => setResults(null)} />}
          <BillStatusChips label={t('operator.bills.status')} value={statuses} onChange={setStatuses} />
          <QueryBoundary
            data={data}
            fetching={fetching}
            error={error}
            onRetry={reload}
            loadingLabel={t('operator.bills.loading')}
            empty={bills.length === 0 && <EmptyBlock title={t('operator.bills.none')} description={t('operator.bills.noneBody')} icon={<IconFileInvoice aria-hidden />} />}
          >
            <>
              <BillsTable bills={bills} withPayee selectable selected={selected} onSelectedChange={setSelected} timeZone="UTC" />
              <ConnectionPager
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={connection}
                busy={fetching}
                label={t('operator.bills.pages')}
              />
            </>
          </QueryBoundary>
        </Stack>
      </Card>
    </Stack>
  );
}
