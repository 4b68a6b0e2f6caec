/** One sample request in the agency's table: creator, product, campaign, when, status (with history), approve/reject. */
import { Anchor, Avatar, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconPackage, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { ScorecardButton } from '../campaigns/ScorecardButton';
import { SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import type { AgencySampleRequestsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCompact, formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { initials } from '../../../lib/text';

export type AgencySampleRow = AgencySampleRequestsQuery['sampleRequests']['edges'][number]['node'];

function StatusDetails({ row, timeZone }: { row: AgencySampleRow; timeZone: string }) {
  const t = useT();
  const lines: string[] = [];
  if (row.status === 'REJECTED' && row.rejectReason) lines.push(row.rejectReason);
  if (row.shipmentStatus && row.status !== 'REJECTED') lines.push(`${SHIPMENT_STATUS_LABEL[row.shipmentStatus]}${row.carrier ? ` · ${row.carrier} ${row.trackingNumber ?? ''}` : ''}`);
  if (row.contentDueAt && (row.status === 'DELIVERED' || row.status === 'OVERDUE')) {
    lines.push(t(row.extensionUsed ? 'agency.samples.contentDueExtended' : 'agency.samples.contentDue', { date: formatDateTime(row.contentDueAt, timeZone, { withZone: false }) }));
  }
  return (
    <Stack gap={2} align="flex-start">
      <SampleStatusBadge status={row.status} />
      {lines.map((line) => (
        <Text key={line} size="xs" c="dimmed" maw={240}>
          {line}
        </Text>
      ))}
      {(row.contents ?? []).map((c) => (
        <Anchor key={c.id} href={c.url} target="_blank" rel="noreferrer" size="xs">
          {t(c.kind === 'LIVE' ? 'agency.samples.livePosted' : 'agency.samples.videoPosted', { date: formatDateTime(c.postedAt, timeZone, { withZone: false }) })}
        </Anchor>
      ))}
    </Stack>
  );
}

export interface AgencySampleTableRowProps {
  row: AgencySampleRow;
  flashing: boolean;
  /** The approve button spins (this row is being approved). */
  approving: boolean;
  onApprove: () => void;
  onReject: () => void;
}

export function AgencySampleTableRow({ row, flashing, approving, onApprove, onReject }: AgencySampleTableRowProps) {
  const t = useT();
  const tz = marketTimeZone(row.campaign?.market);
  const creatorName = row.creator?.displayName || row.creator?.handle || t('agency.samples.creator');
  const title = row.product?.title ?? t('agency.samples.product');
  return (
    <Table.Tr
      data-testid="agency-sample-row"
      data-status={row.status}
      bg={flashing ? 'var(--mantine-color-yellow-light)' : undefined}
      style={{ transition: 'background-color 600ms ease' }}
    >
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={row.creator?.avatarUrl} alt="" radius="xl" size={36} color="pink">
            {initials(creatorName)}
          </Avatar>
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {creatorName}
            </Text>
            <Text size="xs" c="dimmed">
              {row.creator?.handle ? `@${row.creator.handle}` : ''}
              {row.creator?.followers != null ? ` · ${t('agency.samples.followers', { count: row.creator.followers, shown: formatCompact(row.creator.followers) })}` : ''}
            </Text>
            {row.creator && <ScorecardButton id={row.creator.id} name={creatorName} />}
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td maw={320}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={36} color="indigo">
            <IconPackage size={16} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" lineClamp={2}>
              {title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {row.product?.shopName}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        {row.campaign ? (
          <Anchor component={Link} to={`/agency/campaigns/${encodeURIComponent(row.campaign.id)}`} size="sm">
            {row.campaign.name}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.requestedAt, tz, { withZone: false })}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusDetails row={row} timeZone={tz} />
        <HistoryButton title={title} mt={4} data-testid="sample-history-open" subject="sampleRequest" id={row.id} timeZone={tz} />
      </Table.Td>
      <Table.Td>
        {row.status === 'REQUESTED' && (
          // Stacked: side by side, long labels ("Phê duyệt" / "Từ chối") pushed Reject past the table's edge at 1280 px.
          <Stack gap={4} align="stretch">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={approving}
              onClick={onApprove}
              aria-label={t('agency.samples.approveLabel', { title, name: creatorName })}
            >
              {t('agency.samples.approve')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={onReject}
              aria-label={t('agency.samples.rejectLabel', { title, name: creatorName })}
            >
              {t('agency.samples.reject')}
            </Button>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
