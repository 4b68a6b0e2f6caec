/**
 * The creator's sample requests, live: where each is (requested → approved → shipped → delivered → content),
 * the carrier and tracking number, the content deadline with the one 7-day extension, and recording content.
 */
import { Alert, Anchor, Box, Button, Card, CopyButton, Group, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCheck, IconCopy, IconGift, IconVideo } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { canExtend, SAMPLE_STATUS, SAMPLE_STEPS, sampleStep, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useSampleEvents } from '../../../features/samples/useSampleEvents';
import { CreatorSamplesDocument, SampleContentExtensionDocument, type CreatorSamplesQuery, type SampleStatus } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { ProductHeader } from '../ProductHeader';
import { ContentRecordDialog, type ContentTarget } from '../showcase/ContentRecordDialog';

const DAY_MS = 86_400_000;
const EXTENSION_DAYS = 7;
const VIEWS: Record<string, { label: string; statuses: SampleStatus[] | null }> = {
  open: { label: 'In progress', statuses: ['REQUESTED', 'APPROVED', 'SHIPPED', 'DELIVERED', 'OVERDUE'] },
  done: { label: 'Done', statuses: ['CONTENT_POSTED', 'REJECTED'] },
  all: { label: 'All', statuses: null },
};
/** Where the sample is, told to the creator. */
const CREATOR_TEXT: Record<SampleStatus, string> = {
  REQUESTED: 'Waiting for the agency to approve your request.',
  APPROVED: 'Approved: the seller is preparing your sample.',
  REJECTED: 'The agency could not approve this request.',
  SHIPPED: 'On its way to you.',
  DELIVERED: 'Delivered. Post your content before the deadline.',
  CONTENT_POSTED: 'Done: your content is recorded.',
  OVERDUE: 'The content deadline has passed. Post it as soon as you can.',
};
type Sample = CreatorSamplesQuery['sampleRequests']['edges'][number]['node'];

function Progress5({ status }: { status: SampleStatus }) {
  const step = sampleStep(status);
  const stopped = status === 'REJECTED' || status === 'OVERDUE';
  return (
    <Group gap={4} wrap="nowrap" aria-hidden>
      {SAMPLE_STEPS.map((s, i) => (
        <Box
          key={s.status}
          h={6}
          style={{
            flex: 1,
            borderRadius: 3,
            background:
              i <= step ? (stopped && i === step ? `var(--mantine-color-${SAMPLE_STATUS[status].color}-6)` : 'var(--mantine-color-pink-6)') : 'var(--mantine-color-gray-3)',
          }}
        />
      ))}
    </Group>
  );
}

function SampleCard({ sample, timeZone, entryId, onExtend, onContent }: { sample: Sample; timeZone: string; entryId: string | null; onExtend: () => void; onContent: () => void }) {
  const title = sample.product?.title ?? 'product';
  const address = sample.shippingAddress;
  const due = sample.contentDueAt;
  const contentOwed = sample.status === 'DELIVERED' || sample.status === 'OVERDUE';
  return (
    <Card withBorder radius="lg" padding="md" data-testid="creator-sample" data-status={sample.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <ProductHeader product={sample.product} size={52} />
          <SampleStatusBadge status={sample.status} />
        </Group>
        <Progress5 status={sample.status} />
        <Text size="sm">{CREATOR_TEXT[sample.status]}</Text>

        {sample.status === 'REJECTED' && sample.rejectReason && (
          <Alert color="red" variant="light" p="xs" radius="md">
            <Text size="sm">{sample.rejectReason}</Text>
          </Alert>
        )}

        {sample.trackingNumber && (
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {sample.shipmentStatus ? SHIPMENT_STATUS_LABEL[sample.shipmentStatus] : 'Shipment'} · {sample.carrier}
              </Text>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="sample-tracking">
                {sample.trackingNumber}
              </Text>
            </Stack>
            <CopyButton value={sample.trackingNumber} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy the tracking number'} withArrow>
                  <Button size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}

        {due && contentOwed && (
          <Alert color={sample.status === 'OVERDUE' ? 'red' : 'pink'} variant="light" radius="md" p="sm" data-testid="content-due">
            <Stack gap="xs">
              <Text size="sm">
                {sample.status === 'OVERDUE' ? 'Content was due' : 'Post your content by'} <b>{formatDateTime(due, timeZone)}</b> ({formatRelative(due)})
                {sample.extensionUsed ? ' — extension used' : ''}.
              </Text>
              <Stack gap="xs">
                {entryId && (
                  <Button size="md" color="pink" leftSection={<IconVideo size={18} aria-hidden />} onClick={onContent} aria-label={`Record content: ${title}`}>
                    Record content
                  </Button>
                )}
                {canExtend(sample) && (
                  <Button size="md" variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={onExtend}>
                    Ask for 7 more days
                  </Button>
                )}
              </Stack>
            </Stack>
          </Alert>
        )}

        {(sample.contents ?? []).map((c) => (
          <Anchor key={c.id} href={c.url} target="_blank" rel="noreferrer" size="sm">
            {c.kind === 'LIVE' ? 'LIVE session' : 'Video'} · {formatDate(c.postedAt, timeZone)}
          </Anchor>
        ))}

        <Text size="xs" c="dimmed">
          {sample.campaignName} · {sample.agencyName} · requested {formatDate(sample.requestedAt, timeZone)}
          {address ? ` · to ${address.recipientName}, ${address.city}` : ''}
        </Text>
      </Stack>
    </Card>
  );
}

export function CreatorSamplesPage() {
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const [params, setParams] = useSearchParams();
  const view = VIEWS[params.get('view') ?? ''] ? (params.get('view') as string) : 'open';
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorSamplesDocument, variables: { first: 50, status: VIEWS[view]!.statuses } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useSampleEvents(reload);

  const entryOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const { node } of data?.showcase.edges ?? []) if (node.product) map.set(node.product.id, node.id);
    return map;
  }, [data]);

  const [extending, setExtending] = useState<Sample | null>(null);
  const [contentTarget, setContentTarget] = useState<ContentTarget | null>(null);
  const [{ fetching: extendBusy }, extend] = useMutation(SampleContentExtensionDocument);
  const confirmExtend = async () => {
    if (!extending) return;
    const result = await extend({ input: { id: extending.id } });
    const problem = result.error ? describeError(result.error) : result.data?.sampleContentExtension.userErrors.map((e) => e.message).join(' ');
    setExtending(null);
    if (problem) notifications.show({ color: 'red', title: 'No extension', message: problem });
    else notifications.show({ color: 'teal', title: 'Deadline extended by 7 days', message: extending.product?.title ?? '' });
  };

  const samples = data?.sampleRequests.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Samples
        </Title>
        <Text size="sm" c="dimmed">
          Free samples you asked for, their shipping and your content deadlines.
        </Text>
      </Stack>
      <SegmentedControl
        fullWidth
        size="md"
        aria-label="Which samples"
        value={view}
        onChange={(v) => setParams(v === 'open' ? {} : { view: v }, { replace: true })}
        data={Object.entries(VIEWS).map(([value, v]) => ({ value, label: v.label }))}
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data && fetching ? (
        <LoadingState label="Loading your samples…" />
      ) : samples.length === 0 ? (
        <EmptyBlock
          title={view === 'open' ? 'No samples in progress' : 'No samples here'}
          description="Request a free sample from a product in your showcase."
          icon={<IconGift aria-hidden />}
        >
          <Button component={Link} to="/creator/showcase" variant="light" size="md" mt="sm">
            Go to your showcase
          </Button>
        </EmptyBlock>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Sample requests">
          {samples.map((sample) => (
            <li key={sample.id}>
              <SampleCard
                sample={sample}
                timeZone={tz}
                entryId={sample.product ? (entryOf.get(sample.product.id) ?? null) : null}
                onExtend={() => setExtending(sample)}
                onContent={() => {
                  const entryId = sample.product ? entryOf.get(sample.product.id) : undefined;
                  if (entryId) setContentTarget({ entryId, title: sample.product?.title ?? 'product' });
                }}
              />
            </li>
          ))}
        </Stack>
      )}

      <ConfirmDialog
        opened={extending !== null}
        title="Use your one extension?"
        confirmLabel="Extend by 7 days"
        color="pink"
        busy={extendBusy}
        onConfirm={() => void confirmExtend()}
        onClose={() => setExtending(null)}
      >
        {extending?.contentDueAt
          ? `The content deadline moves from ${formatDateTime(extending.contentDueAt, tz)} to ${formatDateTime(new Date(Date.parse(extending.contentDueAt) + EXTENSION_DAYS * DAY_MS), tz)}. Each sample can be extended once.`
          : 'The content deadline moves 7 days later. Each sample can be extended once.'}
      </ConfirmDialog>
      <ContentRecordDialog
        target={contentTarget}
        timeZone={tz}
        onClose={() => setContentTarget(null)}
        onRecorded={() => {
          notifications.show({ color: 'teal', title: 'Content recorded', message: 'Your sample is fulfilled.' });
          reload();
        }}
      />
    </Stack>
  );
}
