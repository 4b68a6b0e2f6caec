/**
 * The dispute inbox of every role: open disputes by deadline (the nearest first) or closed ones, filtered by type;
 * each with what it concerns, the agency's deadline, the thread, a reply box for the parties and, for the agency,
 * the decision. Live: every change to a dispute of the viewer refetches. The operator reads everything, with ageing.
 */
import { Alert, Badge, Button, Card, Group, MultiSelect, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { PageHeader } from '../../components/PageHeader';
import {
  DisputeChangedDocument,
  DisputeDecideDocument,
  DisputeReplyDocument,
  DisputesDocument,
  type DisputesQuery,
  type DisputeType,
} from '../../generated/graphql';
import { mutationProblem } from '../../components/mutationResult';
import { formatDateTime, formatMoney, formatRelative } from '../../lib/format';
import { useViewer } from '../../session/context';
import { useLiveRefresh, useRefetchOn } from '../performance/useLiveRefresh';
import { DISPUTE_STATUS, DISPUTE_TYPE_LABEL, isOpen } from './disputeText';
import { useT, type Translate } from '../../i18n/context';

export type Dispute = DisputesQuery['disputes']['edges'][number]['node'];
const UTC = 'UTC';

function Thread({ dispute }: { dispute: Dispute }) {
  const t = useT();
  return (
    <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="dispute-thread">
      {dispute.messages.map((m, i) => (
        <li key={i}>
          <Text size="xs" c="dimmed">
            {m.authorRole ? [m.authorName ?? roleWord(t, m.authorRole), m.authorPersonName].filter(Boolean).join(' · ') : 'Matchup'} ·{' '}
            {formatDateTime(m.at, UTC)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {m.body}
          </Text>
          {m.links.map((link) => (
            <Text key={link} size="xs" component="a" href={link} target="_blank" rel="noreferrer" c="blue">
              {link}
            </Text>
          ))}
        </li>
      ))}
    </Stack>
  );
}

function roleWord(t: Translate, role: string): string {
  if (role === 'AGENCY') return t('disputes.inbox.theAgency');
  if (role === 'SELLER') return t('disputes.inbox.theSeller');
  if (role === 'CREATOR') return t('disputes.inbox.theCreator');
  return role === 'OPERATOR' ? 'Matchup' : role;
}

function Reply({ dispute }: { dispute: Dispute }) {
  const t = useT();
  // What the server says about the reply stays at it until the next try.
  const form = useForm({ mode: 'controlled', initialValues: { body: '' }, clearInputErrorOnChange: false });
  const [{ fetching }, reply] = useMutation(DisputeReplyDocument);
  const send = async () => {
    const result = await reply({ input: { id: dispute.id, body: form.getValues().body } });
    const problem = mutationProblem(result, result.data?.disputeReply.userErrors);
    if (problem) form.setFieldError('body', problem);
    else form.reset();
  };
  return (
    <Stack gap={4}>
      <Textarea label={t('disputes.inbox.reply')} {...form.getInputProps('body')} maxLength={2000} autosize minRows={2} />
      <Group justify="flex-end">
        <Button size="xs" onClick={send} loading={fetching}>
          {t('disputes.inbox.send')}
        </Button>
      </Group>
    </Stack>
  );
}

function Decide({ dispute }: { dispute: Dispute }) {
  const t = useT();
  // What the server says about the decision stays at the note until the next try.
  const form = useForm({ mode: 'controlled', initialValues: { note: '', amount: dispute.claimedAmount?.amount ?? '' }, clearInputErrorOnChange: false });
  const [{ fetching }, decide] = useMutation(DisputeDecideDocument);
  // Resolving these for the creator may credit it (a missing order: on no line; docs/disputes.md).
  const money = dispute.claimedAmount !== null || ['WRONG_COMMISSION', 'RATE_NOT_HONOURED', 'SPLIT_DISPUTED', 'MISSING_ORDER'].includes(dispute.type);
  const run = async (uphold: boolean) => {
    const { note, amount } = form.getValues();
    const input = { id: dispute.id, uphold, note, ...(uphold && money && amount ? { amount } : {}) };
    const result = await decide({ input });
    form.setFieldError('note', mutationProblem(result, result.data?.disputeDecide.userErrors));
  };
  return (
    <Stack gap={4} data-testid="dispute-decide">
      <Textarea label={t('disputes.inbox.note')} description={t('disputes.inbox.noteHelp')} {...form.getInputProps('note')} maxLength={1000} />
      {money && <TextInput label={t('disputes.inbox.adjustment', { currency: dispute.claimedAmount?.currency ?? t('disputes.inbox.campaignCurrency') })} {...form.getInputProps('amount')} />}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={() => run(false)} loading={fetching}>
          {t('disputes.inbox.reject')}
        </Button>
        <Button size="xs" color="teal" onClick={() => run(true)} loading={fetching}>
          {t('disputes.inbox.resolve')}
        </Button>
      </Group>
    </Stack>
  );
}

export function DisputeCard({ dispute, role }: { dispute: Dispute; role: string }) {
  const t = useT();
  const status = DISPUTE_STATUS[dispute.status];
  const open = isOpen(dispute.status);
  return (
    <Card withBorder radius="md" padding="md" data-testid="dispute-card" data-status={dispute.status}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              {t(DISPUTE_TYPE_LABEL[dispute.type])}: {dispute.product?.title ?? t('disputes.inbox.aProduct')}
            </Title>
            <Text size="xs" c="dimmed">
              {[dispute.campaignName, dispute.agencyName, dispute.claimantName].filter(Boolean).join(' · ')}
              {dispute.orderNumber ? ` · ${t('disputes.inbox.order', { order: dispute.orderNumber, date: dispute.orderDate ?? '' })}` : ''}
            </Text>
          </Stack>
          <Badge color={status.color} variant="light" data-testid="dispute-status">
            {t(status.label)}
          </Badge>
        </Group>
        {open ? (
          <Text size="sm" fw={600} data-testid="dispute-deadline">
            {t(dispute.status === 'OPEN' ? 'disputes.inbox.answersBy' : 'disputes.inbox.decidesBy', {
              date: formatDateTime(dispute.dueAt, UTC),
              relative: formatRelative(dispute.dueAt),
              days: dispute.answerWindowDays,
            })}
          </Text>
        ) : (
          <Alert color={status.color} variant="light" p="xs" data-testid="dispute-outcome">
            {dispute.decisionNote}
            {dispute.adjustment ? ` · ${t('disputes.inbox.credited', { amount: formatMoney(dispute.adjustment) })}` : ''}
          </Alert>
        )}
        {dispute.claimedAmount && (
          <Text size="sm">
            {t('disputes.inbox.claimed')} <b>{formatMoney(dispute.claimedAmount)}</b>
          </Text>
        )}
        {role === 'OPERATOR' && <Text size="xs" c="dimmed">{t('disputes.inbox.age', { days: dispute.ageDays })}</Text>}
        <Thread dispute={dispute} />
        {open && role !== 'OPERATOR' && <Reply dispute={dispute} />}
        {open && role === 'AGENCY' && <Decide dispute={dispute} />}
      </Stack>
    </Card>
  );
}

export function DisputeInbox() {
  const t = useT();
  const viewer = useViewer();
  const role = viewer.role;
  const [openOnly, setOpenOnly] = useState('open');
  const [types, setTypes] = useState<string[]>([]);
  const variables = { open: openOnly === 'open', type: types.length ? (types as DisputeType[]) : null };
  const [{ data, fetching, error }, refetch] = useQuery({ query: DisputesDocument, variables, requestPolicy: 'cache-and-network' });
  const live = useLiveRefresh(DisputeChangedDocument, {}, role !== 'OPERATOR');
  useRefetchOn(live.version, () => refetch({ requestPolicy: 'network-only' }));
  const disputes = data?.disputes.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('disputes.inbox.title')} description={t('disputes.inbox.description')} />
      <Group gap="sm" wrap="wrap">
        <SegmentedControl value={openOnly} onChange={setOpenOnly} data={[{ value: 'open', label: t('disputes.inbox.open') }, { value: 'closed', label: t('disputes.inbox.closed') }]} />
        <MultiSelect
          aria-label={t('disputes.inbox.types')}
          placeholder={t('disputes.inbox.allTypes')}
          data={Object.entries(DISPUTE_TYPE_LABEL).map(([value, label]) => ({ value, label: t(label) }))}
          value={types}
          onChange={setTypes}
          clearable
          w={260}
        />
      </Group>
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('disputes.inbox.loading')}
        empty={disputes.length === 0 && <EmptyBlock title={openOnly === 'open' ? t('disputes.inbox.noneOpen') : t('disputes.inbox.noneClosed')} description={t('disputes.inbox.emptyHelp')} icon={<IconScale aria-hidden />} />}
      >
        <Stack gap="sm" data-testid="dispute-list">
          {disputes.map((d) => (
            <DisputeCard key={d.id} dispute={d} role={role} />
          ))}
        </Stack>
      </QueryBoundary>
    </Stack>
  );
}

