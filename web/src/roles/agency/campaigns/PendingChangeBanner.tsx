/**
 * While an edit waits out its 30 minutes: when it applies (editing reopens then), what it changes beside
 * the values in force now, and a way to withdraw it. When the time comes the parent re-reads the campaign.
 */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { pendingChangeRows, type CampaignChangeValues } from '../../../features/campaigns/pendingChange';
import { formatMoment } from '../../../features/campaigns/period';
import { CampaignPendingChangeCancelDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatRelative } from '../../../lib/format';

export interface PendingChange {
  requestedAt: string;
  appliesAt: string;
  requestedBy: { fullName: string | null } | null;
  changedFields: ReadonlyArray<string>;
  values: CampaignChangeValues;
}

export interface PendingChangeBannerProps {
  campaignId: string;
  effective: CampaignChangeValues;
  change: PendingChange;
  timeZone: string;
  /** Called when the change is due (re-read the campaign) and after it was withdrawn. */
  onSettled: () => void;
}

/** Re-renders every `ms` so relative times stay true. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

export function PendingChangeBanner({ campaignId, effective, change, timeZone, onSettled }: PendingChangeBannerProps) {
  const now = useNow(30_000);
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, cancel] = useMutation(CampaignPendingChangeCancelDocument);
  const rows = pendingChangeRows(effective, change.values, change.changedFields, timeZone);
  const appliesAt = formatMoment(change.appliesAt, timeZone, now);

  useEffect(() => {
    const due = Date.parse(change.appliesAt) - Date.now() + 1_000;
    const id = window.setTimeout(onSettled, Math.max(due, 1_000));
    return () => window.clearTimeout(id);
  }, [change.appliesAt, onSettled]);

  const withdraw = async () => {
    const result = await cancel({ input: { campaignId } });
    const problem = result.error ? describeError(result.error) : result.data?.campaignPendingChangeCancel.userErrors[0]?.message;
    setConfirming(false);
    if (problem) {
      notifications.show({ color: 'red', title: 'Could not withdraw the change', message: problem });
      return;
    }
    notifications.show({ color: 'teal', title: 'Change withdrawn', message: 'The campaign keeps its current values; you can edit it again.' });
    onSettled();
  };

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconClockHour4 aria-hidden />}
      title={`Change pending: applies at ${appliesAt}; editing reopens then`}
      data-testid="pending-change-banner"
      mb="lg"
    >
      <Stack gap="sm">
        <Text size="sm">
          That is {formatRelative(change.appliesAt, now)}. Requested
          {change.requestedBy?.fullName ? ` by ${change.requestedBy.fullName}` : ''} at {formatDateTime(change.requestedAt, timeZone, { withZone: false })}.
          Sellers see the current values until it applies.
        </Text>
        <Table withTableBorder withColumnBorders verticalSpacing={6} bg="var(--mantine-color-body)" data-testid="pending-change-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">In force now</Table.Th>
              <Table.Th scope="col">After {formatDateTime(change.appliesAt, timeZone, { withZone: false })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.field}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {row.before}
                </Table.Td>
                <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {row.after}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
            Withdraw this change
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Withdraw the pending change?" centered>
        <Stack>
          <Text size="sm">The campaign keeps its current values, and you can edit it again right away.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="orange" loading={fetching} onClick={() => void withdraw()}>
              Withdraw change
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
