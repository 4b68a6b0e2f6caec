/** The operator's tax review queue: every submission waiting for review, approve or reject with a reason. Live. */
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileCertificate, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { InfoList } from '../../../components/InfoList';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { maskedNumber } from '../../../features/finance/taxForms';
import { useRefetchOnNotification } from '../../../features/notifications/liveContext';
import { PaymentAccountsDocument, TaxInfoReviewDocument, type PaymentAccountsQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { marketName } from '../../../lib/markets';
import { userErrorField } from '../../../lib/userErrors';
import { useRefetchOnReconnect } from '../../../session/context';

type Account = PaymentAccountsQuery['paymentAccounts']['edges'][number]['node'];
const REASON_MAX = 500;

function RejectDialog({ account, busy, onReject, onClose }: { account: Account | null; busy: boolean; onReject: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!reason.trim()) return setError('Tell the payee what to correct');
    const problem = await onReject(reason.trim());
    if (problem) setError(problem);
    else setReason('');
  };
  return (
    <Modal opened={account !== null} onClose={onClose} title={account ? `Reject the tax info of ${account.payeeName}` : ''} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Textarea
            label="Reason"
            description="The payee sees it and submits again."
            placeholder="e.g. The tax id does not match the legal name."
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            required
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Reject
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function TaxReviewQueue() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PaymentAccountsDocument, variables: { first: 50, taxStatus: 'PENDING_REVIEW' } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);
  const [{ fetching: reviewing }, review] = useMutation(TaxInfoReviewDocument);
  const [rejecting, setRejecting] = useState<Account | null>(null);
  const accounts = data?.paymentAccounts.edges.map((e) => e.node) ?? [];

  const decide = async (account: Account, approve: boolean, reason: string | null = null): Promise<string | null> => {
    if (!account.taxInfo) return 'Nothing to review.';
    const result = await review({ input: { id: account.taxInfo.id, approve, reason } });
    if (result.error) return describeError(result.error);
    const errors = result.data?.taxInfoReview.userErrors ?? [];
    if (errors.length) {
      const reasonError = errors.find((e) => userErrorField(e) === 'reason');
      if (reasonError) return reasonError.message;
      notifications.show({ color: 'red', title: 'Not reviewed', message: errors.map((e) => e.message).join(' ') });
      reload();
      return null;
    }
    notifications.show({ color: 'teal', title: approve ? 'Tax info approved' : 'Tax info rejected', message: `${account.payeeName} has been told.` });
    setRejecting(null);
    reload();
    return null;
  };

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data && fetching) return <LoadingState label="Loading the review queue…" />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="tax-queue-count">
        {accounts.length === 0 ? 'Nothing waiting for review.' : `${data?.paymentAccounts.totalCount ?? accounts.length} waiting for review, oldest first as they arrive.`}
      </Text>
      {accounts.length === 0 ? (
        <EmptyBlock title="The queue is empty" description="New submissions appear here live." icon={<IconFileCertificate aria-hidden />} />
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
                      {account.payeeKind === 'AGENCY' ? 'Agency' : 'Creator'}
                    </Badge>
                    <Badge variant="light" color="gray" radius="sm" tt="none">
                      {marketName(account.market)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    Submitted {formatDateTime(info.submittedAt, 'UTC')}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={reviewing && !rejecting} onClick={() => void decide(account, true)} aria-label={`Approve the tax info of ${account.payeeName}`}>
                    Approve
                  </Button>
                  <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={() => setRejecting(account)} aria-label={`Reject the tax info of ${account.payeeName}`}>
                    Reject…
                  </Button>
                </Group>
              </Group>
              <InfoList
                items={[
                  { label: 'Form', value: info.form === 'W9' ? 'IRS Form W-9' : 'Local tax id' },
                  { label: 'Legal name', value: info.legalName },
                  ...(info.businessName ? [{ label: 'Business name', value: info.businessName }] : []),
                  { label: 'Entity', value: info.entityType === 'BUSINESS' ? 'Business' : 'Individual' },
                  { label: info.tinType ?? 'Tax id', value: maskedNumber(info.taxIdLast4) },
                  {
                    label: 'Address',
                    value: [info.address.line1, info.address.line2, info.address.city, info.address.region, info.address.postalCode, info.address.country].filter(Boolean).join(', '),
                  },
                  ...(info.certifiedAt ? [{ label: 'Certified', value: formatDateTime(info.certifiedAt, 'UTC') }] : []),
                ]}
              />
              {info.form === 'W9' && !info.certifiedAt && (
                <Alert color="orange" variant="light" mt="sm">
                  Not certified.
                </Alert>
              )}
            </Card>
          );
        })
      )}
      <RejectDialog account={rejecting} busy={reviewing} onReject={(reason) => (rejecting ? decide(rejecting, false, reason) : Promise.resolve(null))} onClose={() => setRejecting(null)} />
    </Stack>
  );
}
