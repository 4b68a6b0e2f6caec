/**
 * Sample requests of the agency's campaigns, live: approve against the product's sample quota or reject
 * with a reason; then follow shipping and content. The creator's address is the seller's only.
 */
import {
  Anchor,
  Avatar,
  Button,
  Card,
  Chip,
  Group,
  LoadingOverlay,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconGift, IconPackage, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { SAMPLE_STATUS, SAMPLE_STATUSES, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useFlash } from '../../../features/samples/useFlash';
import { useSampleEvents, type SampleChange } from '../../../features/samples/useSampleEvents';
import { AgencySampleRequestsDocument, SampleRequestReviewDocument, type AgencySampleRequestsQuery, type SampleStatus } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCompact, formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { initials } from '../../../lib/text';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { ScorecardButton } from '../../../features/insight/ScorecardButton';
import { SampleRoiPanel } from '../../../features/insight/SampleRoiPanel';

const PAGE_SIZE = 20;
const REASON_MAX = 500;
type Row = AgencySampleRequestsQuery['sampleRequests']['edges'][number]['node'];

function RejectDialog({ row, busy, onConfirm, onClose }: { row: Row | null; busy: boolean; onConfirm: (reason: string) => void; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const trimmed = reason.trim();
  const error = !trimmed ? (tried ? t('agency.samples.reasonRequired') : null) : trimmed.length > REASON_MAX ? t('agency.samples.reasonTooLong', { max: REASON_MAX, length: trimmed.length }) : null;
  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={row !== null} onClose={close} title={t('agency.samples.rejectTitle', { title: row?.product?.title ?? t('agency.samples.thisProduct') })} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (trimmed && trimmed.length <= REASON_MAX) onConfirm(trimmed);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('agency.samples.rejectHelp', { name: row?.creator?.displayName ?? t('agency.samples.theCreator') })}
          </Text>
          <Textarea
            label={t('agency.samples.reason')}
            description={`${trimmed.length}/${REASON_MAX}`}
            required
            autosize
            minRows={3}
            maxRows={6}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('agency.samples.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StatusDetails({ row, timeZone }: { row: Row; timeZone: string }) {
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

export function AgencySamplesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const statuses = params.has('status') ? (params.getAll('status').filter((s) => (SAMPLE_STATUSES as string[]).includes(s)) as SampleStatus[]) : (['REQUESTED'] as SampleStatus[]);
  const pager = usePager(statuses.join());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AgencySampleRequestsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, status: statuses.length ? statuses : null },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  const [lastEvent, setLastEvent] = useState<Date | null>(null);
  useSampleEvents(
    useCallback(
      (change: SampleChange | null) => {
        reload();
        if (change) {
          flash(change.id);
          setLastEvent(new Date());
        }
      },
      [reload, flash],
    ),
  );

  const [{ fetching: reviewing }, review] = useMutation(SampleRequestReviewDocument);
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const decide = async (row: Row, approve: boolean, reason: string | null = null) => {
    setDeciding(row.id);
    const result = await review({ input: { id: row.id, approve, reason } });
    setDeciding(null);
    const payload = result.data?.sampleRequestReview;
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    setRejecting(null);
    if (problem || !payload?.sampleRequest) {
      notifications.show({ color: 'red', title: approve ? t('agency.samples.notApproved') : t('agency.samples.notRejected'), message: problem || t('agency.lists.noAnswer') });
      return;
    }
    notifications.show({
      color: 'teal',
      title: approve ? t('agency.samples.approved') : t('agency.samples.rejected'),
      message: approve ? t('agency.samples.approvedBody', { title: row.product?.title ?? '' }) : (row.product?.title ?? ''),
    });
    reload();
  };

  const setStatuses = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete('status');
    if (next.length === 0) p.set('status', '');
    next.forEach((s) => p.append('status', s));
    setParams(p, { replace: true });
  };

  const liveZone = marketTimeZone(useViewer().organisation.market);
  const connection = data?.sampleRequests;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title={t('agency.samples.title')}
        description={t('agency.samples.description')}
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <div role="group" aria-labelledby="sample-status-filter">
              <Text size="sm" fw={500} id="sample-status-filter" mb={6}>
                {t('agency.samples.status')}
              </Text>
              <Chip.Group multiple value={statuses} onChange={setStatuses}>
                <Group gap={6}>
                  {SAMPLE_STATUSES.map((s) => (
                    <Chip key={s} value={s} size="xs" variant="outline" color={SAMPLE_STATUS[s].color}>
                      {s === 'REQUESTED' ? t('agency.samples.toReview') : SAMPLE_STATUS[s].label}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
            <Text size="xs" c="dimmed" aria-live="polite" data-testid="live-status">
              {lastEvent ? t('agency.samples.liveChanged', { date: formatDateTime(lastEvent, liveZone, { withZone: false }) }) : t('agency.samples.liveWaiting')}
            </Text>
          </Group>

          {error && !data ? (
            <ErrorState error={error} onRetry={reload} />
          ) : !data && fetching ? (
            <LoadingState label={t('agency.samples.loading')} />
          ) : rows.length === 0 ? (
            <EmptyBlock
              title={statuses.length === 1 && statuses[0] === 'REQUESTED' ? t('agency.samples.nothingToReview') : t('agency.samples.noMatch')}
              description={t('agency.samples.emptyHelp')}
              icon={<IconGift aria-hidden />}
            />
          ) : (
            <div style={{ position: 'relative' }}>
              <LoadingOverlay visible={fetching && !reviewing} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              <Table.ScrollContainer minWidth={1000}>
                <Table verticalSpacing="sm" highlightOnHover data-testid="agency-sample-table" styles={{ th: { whiteSpace: 'nowrap' } }}>
                  <VisuallyHidden component="caption">{t('agency.samples.title')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('agency.samples.creator')}</Table.Th>
                      <Table.Th scope="col">{t('agency.samples.product')}</Table.Th>
                      <Table.Th scope="col">{t('agency.samples.campaign')}</Table.Th>
                      <Table.Th scope="col">{t('agency.samples.requested')}</Table.Th>
                      <Table.Th scope="col">{t('agency.samples.status')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('agency.lists.col.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const tz = marketTimeZone(row.campaign?.market);
                      const creatorName = row.creator?.displayName || row.creator?.handle || t('agency.samples.creator');
                      const title = row.product?.title ?? t('agency.samples.product');
                      return (
                        <Table.Tr
                          key={row.id}
                          data-testid="agency-sample-row"
                          data-status={row.status}
                          bg={flashing.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined}
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
                              <Group gap={4} wrap="nowrap" justify="flex-end">
                                <Button
                                  size="compact-sm"
                                  variant="light"
                                  leftSection={<IconCheck size={14} aria-hidden />}
                                  loading={deciding === row.id && rejecting === null}
                                  onClick={() => void decide(row, true)}
                                  aria-label={t('agency.samples.approveLabel', { title, name: creatorName })}
                                >
                                  {t('agency.samples.approve')}
                                </Button>
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  color="red"
                                  leftSection={<IconX size={14} aria-hidden />}
                                  onClick={() => setRejecting(row)}
                                  aria-label={t('agency.samples.rejectLabel', { title, name: creatorName })}
                                >
                                  {t('agency.samples.reject')}
                                </Button>
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <PagerControls
                pager={pager}
                pageSize={PAGE_SIZE}
                shown={rows.length}
                totalCount={connection?.totalCount ?? 0}
                hasNextPage={connection?.pageInfo.hasNextPage ?? false}
                endCursor={connection?.pageInfo.endCursor}
                busy={fetching}
                label={t('agency.samples.pages')}
              />
            </div>
          )}
        </Stack>
      </Card>
      <SampleRoiPanel agency />
      <RejectDialog row={rejecting} busy={reviewing} onConfirm={(reason) => rejecting && void decide(rejecting, false, reason)} onClose={() => setRejecting(null)} />
    </>
  );
}
