/**
 * A payee's payment account (agency or creator): 1. tax info (W-9 in the US, the local tax id elsewhere) with its
 * review status and the rejection reason; 2. the bank account, which can be linked only after approval (masked to
 * its last four digits); and the balances per currency. Refetches on every notification (the review, a bill, a
 * payout arrive as notifications) and on reconnect.
 */
import { Alert, Badge, Button, Card, Flex, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingBank, IconCircleCheck, IconClockHour4, IconFileCertificate, IconLock, IconX } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InfoList } from '../../components/InfoList';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { BankAccountUnlinkDocument, PaymentAccountDocument, type PaymentAccountQuery } from '../../generated/graphql';
import { mutationProblem } from '../../components/mutationResult';
import { formatDateTime } from '../../lib/format';
import { marketName, marketTimeZone } from '../../lib/markets';
import { useRefetchOnNotification } from '../notifications/liveContext';
import { useRefetchOnReconnect } from '../../session/context';
import { BalanceSummary } from './BalanceSummary';
import { BankAccountForm } from './BankAccountForm';
import { TAX_STATUS } from './financeStatus';
import { emptyTaxForm, maskedNumber, type TaxFormValues } from './taxForms';
import { TaxInfoForm } from './TaxInfoForm';
import { useT } from '../../i18n/context';

type Account = NonNullable<PaymentAccountQuery['paymentAccount']>;
type TaxInfo = NonNullable<Account['taxInfo']>;

function StepCard({ step, title, status, children, testId }: { step: number; title: string; status: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon radius="xl" size={28} variant="light" aria-hidden>
            <Text fw={700} size="sm">
              {step}
            </Text>
          </ThemeIcon>
          <Title order={2} size="h4" id={`${testId}-title`}>
            {title}
          </Title>
        </Group>
        {status}
      </Group>
      {children}
    </Card>
  );
}

function TaxSummary({ info, timeZone }: { info: TaxInfo; timeZone: string }) {
  const t = useT();
  const address = info.address;
  return (
    <InfoList
      items={[
        { label: t('finance.account.form'), value: info.form === 'W9' ? t('finance.account.formW9') : t('finance.account.formLocal') },
        { label: t('finance.taxForm.legalName'), value: info.legalName + (info.businessName ? ` · ${info.businessName}` : '') },
        { label: info.tinType ?? t('finance.account.taxId'), value: <span data-testid="tax-id-masked">{maskedNumber(info.taxIdLast4)}</span> },
        { label: t('finance.account.address'), value: [address.line1, address.line2, address.city, address.region, address.postalCode, address.country].filter(Boolean).join(', ') },
        { label: t('finance.account.submitted'), value: formatDateTime(info.submittedAt, timeZone) },
        ...(info.reviewedAt ? [{ label: t('finance.account.reviewed'), value: formatDateTime(info.reviewedAt, timeZone) }] : []),
      ]}
    />
  );
}

function initialFrom(account: Account): TaxFormValues {
  const info = account.taxInfo;
  if (!info) return emptyTaxForm(account.payeeName);
  // A resubmission starts from what was sent (never the tax id: only its last four digits exist here).
  return {
    ...emptyTaxForm(info.legalName),
    businessName: info.businessName ?? '',
    entityType: info.entityType,
    tinType: info.tinType ?? 'SSN',
    line1: info.address.line1,
    line2: info.address.line2 ?? '',
    city: info.address.city,
    region: info.address.region ?? '',
    postalCode: info.address.postalCode,
  };
}

function TaxStep({ account, compact, onChanged }: { account: Account; compact: boolean; onChanged: () => void }) {
  const t = useT();
  const tz = marketTimeZone(account.market);
  const info = account.taxInfo;
  const status = account.taxStatus;
  const [editing, setEditing] = useState(false);
  const showForm = status === 'NOT_SUBMITTED' || editing;
  const meta = TAX_STATUS[status];

  return (
    <StepCard
      step={1}
      title={t('finance.taxForm.label')}
      testId="tax-step"
      status={
        <Badge color={meta.color} variant={status === 'APPROVED' ? 'filled' : 'light'} radius="sm" tt="none" size="lg" data-testid="tax-status" data-status={status}>
          {t(meta.label)}
        </Badge>
      }
    >
      <Stack gap="md">
        {status === 'PENDING_REVIEW' && !editing && (
          <Alert color="yellow" variant="light" icon={<IconClockHour4 aria-hidden />} title={t('finance.account.waitingReview')}>
            {t('finance.account.waitingReviewBody')}
          </Alert>
        )}
        {status === 'REJECTED' && info?.rejectReason && (
          <Alert color="red" variant="light" icon={<IconX aria-hidden />} title={t('finance.account.notApproved')} data-testid="tax-reject-reason">
            {info.rejectReason}
          </Alert>
        )}
        {status === 'APPROVED' && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('finance.tax.approved')}>
            {info?.reviewedAt ? t('finance.account.approvedSince', { date: formatDateTime(info.reviewedAt, tz) }) : t('finance.account.approvedBody')}
          </Alert>
        )}
        {showForm ? (
          <TaxInfoForm
            market={account.market}
            initial={initialFrom(account)}
            compact={compact}
            onCancel={editing ? () => setEditing(false) : undefined}
            onSubmitted={() => {
              setEditing(false);
              notifications.show({ color: 'teal', title: t('finance.account.submittedToast'), message: t('finance.account.submittedToastBody') });
              onChanged();
            }}
          />
        ) : (
          info && <TaxSummary info={info} timeZone={tz} />
        )}
        {!showForm && (status === 'PENDING_REVIEW' || status === 'REJECTED') && (
          <Group>
            <Button variant={status === 'REJECTED' ? 'filled' : 'default'} size={compact ? 'md' : 'sm'} fullWidth={compact} onClick={() => setEditing(true)}>
              {status === 'REJECTED' ? t('finance.account.correct') : t('finance.account.replaceSubmission')}
            </Button>
          </Group>
        )}
      </Stack>
    </StepCard>
  );
}

function BankStep({ account, compact, onChanged }: { account: Account; compact: boolean; onChanged: () => void }) {
  const t = useT();
  const tz = marketTimeZone(account.market);
  const bank = account.bankAccount;
  const approved = account.taxStatus === 'APPROVED';
  const [replacing, setReplacing] = useState(false);
  const [confirmUnlink, setConfirmUnlink] = useState(false);
  const [{ fetching: unlinking }, unlink] = useMutation(BankAccountUnlinkDocument);

  const doUnlink = async () => {
    if (!bank) return;
    const result = await unlink({ input: { id: bank.id } });
    const problem = mutationProblem(result, result.data?.bankAccountUnlink.userErrors);
    setConfirmUnlink(false);
    if (problem) notifications.show({ color: 'red', title: t('finance.account.notUnlinked'), message: problem });
    else {
      notifications.show({ color: 'teal', title: t('finance.account.unlinked'), message: t('finance.account.unlinkedBody') });
      onChanged();
    }
  };

  return (
    <StepCard
      step={2}
      title={t('finance.bank.title')}
      testId="bank-step"
      status={
        bank ? (
          <Badge color="teal" variant="light" radius="sm" tt="none" size="lg">
            {t('finance.account.linked')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" radius="sm" tt="none" size="lg">
            {approved ? t('finance.account.notLinked') : t('finance.account.locked')}
          </Badge>
        )
      }
    >
      {!approved ? (
        <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="bank-locked">
          <IconLock size={20} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {t('finance.account.lockedBody')}
          </Text>
        </Group>
      ) : bank && !replacing ? (
        <Stack gap="md">
          <Group gap="md" wrap="nowrap">
            <ThemeIcon size={44} radius="md" variant="light" color="teal" aria-hidden>
              <IconBuildingBank size={24} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={600}>{bank.bankName}</Text>
              <Text size="lg" ff="monospace" data-testid="bank-masked">
                {maskedNumber(bank.accountNumberLast4)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('finance.account.bankLine', { holder: bank.holderName, currency: bank.currency, date: formatDateTime(bank.linkedAt, tz) })}
              </Text>
            </Stack>
          </Group>
          {/* On a phone the two actions stack at full width: side by side, "ยกเลิกการเชื่อมโยง" (Thai "Unlink") was cut. */}
          <Flex gap="sm" direction={compact ? 'column' : 'row'}>
            <Button variant="default" size={compact ? 'md' : 'sm'} fullWidth={compact} onClick={() => setReplacing(true)}>
              {t('finance.account.replace')}
            </Button>
            <Button variant="subtle" color="red" size={compact ? 'md' : 'sm'} fullWidth={compact} onClick={() => setConfirmUnlink(true)}>
              {t('finance.account.unlink')}
            </Button>
          </Flex>
        </Stack>
      ) : (
        <BankAccountForm
          market={account.market}
          currency={account.currency}
          holderName={account.taxInfo?.legalName ?? account.payeeName}
          compact={compact}
          onCancel={replacing ? () => setReplacing(false) : undefined}
          onLinked={(last4) => {
            setReplacing(false);
            notifications.show({ color: 'teal', title: t('finance.account.linkedToast'), message: last4 ? t('finance.account.payoutsTo', { account: maskedNumber(last4) }) : t('finance.account.payoutsToThis') });
            onChanged();
          }}
        />
      )}
      <ConfirmDialog opened={confirmUnlink} title={t('finance.account.unlinkTitle')} confirmLabel={t('finance.account.unlink')} busy={unlinking} onConfirm={() => void doUnlink()} onClose={() => setConfirmUnlink(false)}>
        {t('finance.account.unlinkBody')}
      </ConfirmDialog>
    </StepCard>
  );
}

export function PaymentAccountView({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PaymentAccountDocument });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);

  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('finance.account.loading') });
  if (pending) return pending;
  const account = data?.paymentAccount;
  if (!account) return <EmptyBlock title={t('finance.account.none')} description={t('finance.account.noneBody')} icon={<IconFileCertificate aria-hidden />} />;

  const steps = (
    <Stack gap="md">
      <TaxStep account={account} compact={compact} onChanged={reload} />
      <BankStep account={account} compact={compact} onChanged={reload} />
    </Stack>
  );
  const balances = (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="balances-title">
      <Title order={2} size="h4" id="balances-title" mb={4}>
        {t('finance.account.balances')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('finance.account.balancesLine', { name: account.payeeName, market: marketName(account.market), currency: account.currency })}
      </Text>
      {account.balances.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.account.noCommission')}
        </Text>
      ) : (
        <Stack gap="md">
          {account.balances.map((b) => (
            <BalanceSummary key={b.currency} balance={b} compact />
          ))}
        </Stack>
      )}
    </Card>
  );
  if (compact) {
    return (
      <Stack gap="md" data-testid="payment-account">
        {steps}
        {balances}
      </Stack>
    );
  }
  return (
    <Grid gap="lg" data-testid="payment-account">
      <Grid.Col span={{ base: 12, lg: 7 }}>{steps}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>{balances}</Grid.Col>
    </Grid>
  );
}
