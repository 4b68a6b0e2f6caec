/**
 * While an edit waits out its 30 minutes: when it applies (editing reopens then), what it changes beside
 * the values in force now, and a way to withdraw it. When the time comes the parent re-reads the campaign.
 */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { pendingChangeRows, type CampaignChangeValues } from './pendingChange';
import { formatMoment } from '../../../features/campaigns/period';
import { CampaignPendingChangeCancelDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { mutationProblem } from '../../../components/mutationResult';
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
  const t = useT();
  const now = useNow(30_000);
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, cancel] = useMutation(CampaignPendingChangeCancelDocument);
  const rows = pendingChangeRows(t, effective, change.values, change.changedFields, timeZone);
  const appliesAt = formatMoment(change.appliesAt, timeZone, now);

  useEffect(() => {
    const due = Date.parse(change.appliesAt) - Date.now() + 1_000;
    const id = window.setTimeout(onSettled, Math.max(due, 1_000));
    return () => window.clearTimeout(id);
  }, [change.appliesAt, onSettled]);

  const withdraw = async () => {
    const result = await cancel({ input: { campaignId } });
    const problem = mutationProblem(result, result.data?.campaignPendingChangeCancel.userErrors);
    setConfirming(false);
    if (problem) {
      notifications.show({ color: 'red', title: t('campaigns.pending.withdrawFailed'), message: problem });
      return;
    }
    notifications.show({ color: 'teal', title: t('campaigns.pending.withdrawn'), message: t('campaigns.pending.withdrawnMessage') });
    onSettled();
  };

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconClockHour4 aria-hidden />}
      title={t('campaigns.pending.title', { time: appliesAt })}
      data-testid="pending-change-banner"
      mb="lg"
    >
      <Stack gap="sm">
        <Text size="sm">
          {change.requestedBy?.fullName
            ? t('campaigns.pending.bodyBy', {
                relative: formatRelative(change.appliesAt, now),
                name: change.requestedBy.fullName,
                time: formatDateTime(change.requestedAt, timeZone, { withZone: false }),
              })
            : t('campaigns.pending.body', {
                relative: formatRelative(change.appliesAt, now),
                time: formatDateTime(change.requestedAt, timeZone, { withZone: false }),
              })}
        </Text>
        <Table withTableBorder withColumnBorders verticalSpacing={6} bg="var(--mantine-color-body)" data-testid="pending-change-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('campaigns.pending.field')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.pending.now')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.pending.after', { time: formatDateTime(change.appliesAt, timeZone, { withZone: false }) })}</Table.Th>
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
            {t('campaigns.pending.withdrawThis')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('campaigns.pending.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('campaigns.pending.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('campaigns.pending.keep')}
            </Button>
            <Button color="orange" loading={fetching} onClick={() => void withdraw()}>
              {t('campaigns.pending.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
