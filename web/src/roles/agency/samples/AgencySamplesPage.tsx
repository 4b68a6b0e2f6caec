/**
 * Sample requests of the agency's campaigns, live: approve against the product's sample quota or reject
 * with a reason; then follow shipping and content. The creator's address is the seller's only.
 */
import {
  Card,
  Group,
  LoadingOverlay,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGift } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { SAMPLE_STATUSES } from '../../../features/samples/sampleStatus';
import { SampleStatusChips } from '../../../features/samples/SampleStatusFilter';
import { useSampleStatusParam } from '../../../features/samples/useSampleStatusParam';
import { useFlash } from '../../../features/samples/useFlash';
import { useSampleEvents, type SampleChange } from '../../../features/samples/useSampleEvents';
import { AgencySampleRequestsDocument, SampleRequestReviewDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { SampleRoiPanel } from '../../../features/insight/SampleRoiPanel';
import { AgencySampleTableRow, type AgencySampleRow } from './AgencySampleRow';
import { SampleRejectDialog } from './SampleRejectDialog';

const PAGE_SIZE = 20;
type Row = AgencySampleRow;

export function AgencySamplesPage() {
  const t = useT();
  const [statuses, setStatuses] = useSampleStatusParam(SAMPLE_STATUSES, ['REQUESTED']);
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
            <SampleStatusChips
              id="sample-status-filter"
              label={t('agency.samples.status')}
              options={SAMPLE_STATUSES}
              value={statuses}
              onChange={setStatuses}
              chipLabel={(s) => (s === 'REQUESTED' ? t('agency.samples.toReview') : undefined)}
            />
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
              <Table.ScrollContainer minWidth={860}>
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
                    {rows.map((row) => (
                      <AgencySampleTableRow
                        key={row.id}
                        row={row}
                        flashing={flashing.has(row.id)}
                        approving={deciding === row.id && rejecting === null}
                        onApprove={() => void decide(row, true)}
                        onReject={() => setRejecting(row)}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ConnectionPager
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={connection}
                busy={fetching}
                label={t('agency.samples.pages')}
              />
            </div>
          )}
        </Stack>
      </Card>
      <SampleRoiPanel agency />
      <SampleRejectDialog row={rejecting} busy={reviewing} onConfirm={(reason) => rejecting && void decide(rejecting, false, reason)} onClose={() => setRejecting(null)} />
    </>
  );
}
