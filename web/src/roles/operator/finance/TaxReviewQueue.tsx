/** The operator's tax review queue: every submission waiting for review, approve or reject with a reason. Live. */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileCertificate, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { InfoList } from '../../../components/InfoList';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { maskedNumber } from '../../../features/finance/taxForms';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { PaymentAccountsDocument, TaxInfoReviewDocument, type PaymentAccountsQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDateTime } from '../../../lib/format';
import { marketName } from '../../../lib/markets';
import { userErrorField } from '../../../lib/userErrors';
import { useRefetchOnReconnect } from '../../../session/context';
import { TaxRejectDialog } from './TaxRejectDialog';
import { useT } from '../../../i18n/context';

type Account = PaymentAccountsQuery['paymentAccounts']['edges'][number]['node'];
export function TaxReviewQueue() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PaymentAccountsDocument, variables: { first: 50, taxStatus: 'PENDING_REVIEW' } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);
  const [{ fetching: reviewing }, review] = useMutation(TaxInfoReviewDocument);
  const [rejecting, setRejecting] = useState<Account | null>(null);
  const accounts = data?.paymentAccounts.edges.map((e) => e.node) ?? [];

  const decide = async (account: Account, approve: boolean, reason: string | null = null): Promise<string | null> => {
    if (!account.taxInfo) return t('operator.tax.nothingToReview');
    const result = await review({ input: { id: account.taxInfo.id, approve, reason } });
    if (result.error) return describeError(result.error);
    const errors = result.data?.taxInfoReview.userErrors ?? [];
    if (errors.length) {
      const reasonError = errors.find((e) => userErrorField(e) === 'reason');
      if (reasonError) return reasonError.message;
      notifications.show({ color: 'red', title: t('operator.tax.notReviewed'), message: errors.map((e) => e.message).join(' ') });
      reload();
      return null;
    }
    notifications.show({ color: 'teal', title: approve ? t('operator.tax.approved') : t('operator.tax.rejected'), message: t('operator.tax.told', { name: account.payeeName }) });
    setRejecting(null);
    reload();
    return null;
  };

  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('operator.tax.loading') });
  if (pending) return pending;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="tax-queue-count">
        {accounts.length === 0 ? t('operator.tax.nothingWaiting') : t('operator.tax.waiting', { shown: formatCount(data?.paymentAccounts.totalCount ?? accounts.length) })}
      </Text>
      {accounts.length === 0 ? (
        <EmptyBlock title={t('operator.tax.empty')} description={t('operator.tax.emptyBody')} icon={<IconFileCertificate aria-hidden />} />
      ) : (
        accounts.map((account) => {
          const info = account.taxInfo;
          if (!info) return null;
          return (
            <Card key={account.id} withBorder radius="md" padding="lg" data-testid="tax-review" component="article" aria-labelledby={`review-${account.id}`}>
              <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Title order={3} size="h4" id={`review-${account.id}`}>
                      {account.payeeName}
                    </Title>
                    <Badge variant="light" color={account.payeeKind === 'AGENCY' ? 'indigo' : 'pink'} radius="sm" tt="none">
                      {t('operator.tax.kind', { kind: account.payeeKind })}
                    </Badge>
                    <Badge variant="light" color="gray" radius="sm" tt="none">
                      {marketName(account.market)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('operator.tax.submitted', { date: formatDateTime(info.submittedAt, 'UTC') })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={reviewing && !rejecting} onClick={() => void decide(account, true)} aria-label={t('operator.tax.approveOf', { name: account.payeeName })}>
                    {t('operator.tax.approve')}
                  </Button>
                  <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={() => setRejecting(account)} aria-label={t('operator.tax.rejectOf', { name: account.payeeName })}>
                    {t('operator.tax.rejectEllipsis')}
                  </Button>
                </Group>
              </Group>
              <InfoList
                items={[
                  { label: t('operator.tax.form'), value: info.form === 'W9' ? t('operator.tax.formW9') : t('operator.tax.formLocal') },
                  { label: t('operator.tax.legalName'), value: info.legalName },
                  ...(info.businessName ? [{ label: t('operator.tax.businessName'), value: info.businessName }] : []),
                  { label: t('operator.tax.entity'), value: info.entityType === 'BUSINESS' ? t('operator.tax.business') : t('operator.tax.individual') },
                  { label: info.tinType ?? t('operator.tax.taxId'), value: maskedNumber(info.taxIdLast4) },
                  {
                    label: t('operator.tax.address'),
                    value: [info.address.line1, info.address.line2, info.address.city, info.address.region, info.address.postalCode, info.address.country].filter(Boolean).join(', '),
                  },
                  ...(info.certifiedAt ? [{ label: t('operator.tax.certified'), value: formatDateTime(info.certifiedAt, 'UTC') }] : []),
                ]}
              />
              {info.form === 'W9' && !info.certifiedAt && (
                <Alert color="orange" variant="light" mt="sm">
                  {t('operator.tax.notCertified')}
                </Alert>
              )}
            </Card>
          );
        })
      )}
      <TaxRejectDialog account={rejecting} busy={reviewing} onReject={(reason) => (rejecting ? decide(rejecting, false, reason) : Promise.resolve(null))} onClose={() => setRejecting(null)} />
    </Stack>
  );
}
