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
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { canExtend, SAMPLE_STATUS, SAMPLE_STEPS, sampleStep, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useSampleEvents } from '../../../features/samples/useSampleEvents';
import { CreatorSamplesDocument, SampleContentExtensionDocument, type CreatorSamplesQuery, type SampleStatus } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { mutationProblem } from '../../../components/mutationResult';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { ProductHeader } from '../ProductHeader';
import { ContentRecordDialog, type ContentTarget } from '../showcase/ContentRecordDialog';

const DAY_MS = 86_400_000;
const EXTENSION_DAYS = 7;
const VIEWS: Record<string, { label: MessageKey; statuses: SampleStatus[] | null }> = {
  open: { label: 'creator.samples.view.open', statuses: ['REQUESTED', 'APPROVED', 'SHIPPED', 'DELIVERED', 'OVERDUE'] },
  done: { label: 'creator.samples.view.done', statuses: ['CONTENT_POSTED', 'REJECTED'] },
  all: { label: 'creator.samples.view.all', statuses: null },
};
/** Where the sample is, told to the creator. */
const CREATOR_TEXT: Record<SampleStatus, MessageKey> = {
  REQUESTED: 'creator.samples.status.requested',
  APPROVED: 'creator.samples.status.approved',
  REJECTED: 'creator.samples.status.rejected',
  SHIPPED: 'creator.samples.status.shipped',
  DELIVERED: 'creator.samples.status.delivered',
  CONTENT_POSTED: 'creator.samples.status.contentPosted',
  OVERDUE: 'creator.samples.status.overdue',
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
  const t = useT();
  const title = sample.product?.title ?? t('creator.samples.product');
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
        <Text size="sm">{t(CREATOR_TEXT[sample.status])}</Text>

        {sample.status === 'REJECTED' && sample.rejectReason && (
          <Alert color="red" variant="light" p="xs" radius="md">
            <Text size="sm">{sample.rejectReason}</Text>
          </Alert>
        )}

        {sample.trackingNumber && (
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {sample.shipmentStatus ? SHIPMENT_STATUS_LABEL[sample.shipmentStatus] : t('creator.samples.shipment')} · {sample.carrier}
              </Text>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="sample-tracking">
                {sample.trackingNumber}
              </Text>
            </Stack>
            <CopyButton value={sample.trackingNumber} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('creator.samples.copied') : t('creator.samples.copyTracking')} withArrow>
                  <Button size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                    {copied ? t('creator.samples.copied') : t('creator.samples.copy')}
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
                {richT(
                  t,
                  sample.status === 'OVERDUE'
                    ? sample.extensionUsed
                      ? 'creator.samples.wasDueExtended'
                      : 'creator.samples.wasDue'
                    : sample.extensionUsed
                      ? 'creator.samples.postByExtended'
                      : 'creator.samples.postBy',
                  { relative: formatRelative(due) },
                  { date: <b>{formatDateTime(due, timeZone)}</b> },
                )}
              </Text>
              <Stack gap="xs">
                {entryId && (
                  <Button size="md" color="pink" leftSection={<IconVideo size={18} aria-hidden />} onClick={onContent} aria-label={t('creator.samples.actionFor', { action: t('creator.samples.recordContent'), title })}>
                    {t('creator.samples.recordContent')}
                  </Button>
                )}
                {canExtend(sample) && (
                  <Button size="md" variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={onExtend}>
                    {t('creator.samples.askExtension')}
                  </Button>
                )}
              </Stack>
            </Stack>
          </Alert>
        )}

        {(sample.contents ?? []).map((c) => (
          <Anchor key={c.id} href={c.url} target="_blank" rel="noreferrer" size="sm">
            {t(c.kind === 'LIVE' ? 'creator.samples.contentLive' : 'creator.samples.contentVideo', { date: formatDate(c.postedAt, timeZone) })}
          </Anchor>
        ))}

        <Text size="xs" c="dimmed">
          {address
            ? t('creator.samples.lineTo', {
                campaign: sample.campaignName,
                agency: sample.agencyName,
                date: formatDate(sample.requestedAt, timeZone),
                name: address.recipientName,
                city: address.city,
              })
            : t('creator.samples.line', { campaign: sample.campaignName, agency: sample.agencyName, date: formatDate(sample.requestedAt, timeZone) })}
        </Text>
        <HistoryButton title={title} style={{ alignSelf: 'flex-start' }} data-testid="sample-history-open" subject="sampleRequest" id={sample.id} timeZone={timeZone} />
      </Stack>
    </Card>
  );
}

export function CreatorSamplesPage() {
  const t = useT();
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
    const problem = mutationProblem(result, result.data?.sampleContentExtension.userErrors);
    setExtending(null);
    if (problem) notifications.show({ color: 'red', title: t('creator.samples.noExtension'), message: problem });
    else notifications.show({ color: 'teal', title: t('creator.samples.extended'), message: extending.product?.title ?? '' });
  };

  const samples = data?.sampleRequests.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('creator.samples.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('creator.samples.subtitle')}
        </Text>
      </Stack>
      <SegmentedControl
        fullWidth
        size="md"
        aria-label={t('creator.samples.which')}
        value={view}
        onChange={(v) => setParams(v === 'open' ? {} : { view: v }, { replace: true })}
        data={Object.entries(VIEWS).map(([value, v]) => ({ value, label: t(v.label) }))}
      />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('creator.samples.loading')}
        empty={
          samples.length === 0 && (
            <EmptyBlock
              title={view === 'open' ? t('creator.samples.noneOpen') : t('creator.samples.none')}
              description={t('creator.samples.noneHint')}
              icon={<IconGift aria-hidden />}
            >
              <Button component={Link} to="/creator/showcase" variant="light" size="md" mt="sm">
                {t('creator.samples.goShowcase')}
              </Button>
            </EmptyBlock>
          )
        }
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('creator.samples.listLabel')}>
          {samples.map((sample) => (
            <li key={sample.id}>
              <SampleCard
                sample={sample}
                timeZone={tz}
                entryId={sample.product ? (entryOf.get(sample.product.id) ?? null) : null}
                onExtend={() => setExtending(sample)}
                onContent={() => {
                  const entryId = sample.product ? entryOf.get(sample.product.id) : undefined;
                  if (entryId) setContentTarget({ entryId, title: sample.product?.title ?? t('creator.samples.product') });
                }}
              />
            </li>
          ))}
        </Stack>
      </QueryBoundary>

      <ConfirmDialog
        opened={extending !== null}
        title={t('creator.samples.extendTitle')}
        confirmLabel={t('creator.samples.extendConfirm')}
        color="pink"
        busy={extendBusy}
        onConfirm={() => void confirmExtend()}
        onClose={() => setExtending(null)}
      >
        {extending?.contentDueAt
          ? t('creator.samples.extendBody', {
              from: formatDateTime(extending.contentDueAt, tz),
              to: formatDateTime(new Date(Date.parse(extending.contentDueAt) + EXTENSION_DAYS * DAY_MS), tz),
            })
          : t('creator.samples.extendBodyNoDate')}
      </ConfirmDialog>
      <ContentRecordDialog
        target={contentTarget}
        timeZone={tz}
        onClose={() => setContentTarget(null)}
        onRecorded={() => {
          notifications.show({ color: 'teal', title: t('creator.samples.contentRecorded'), message: t('creator.samples.fulfilled') });
          reload();
        }}
      />
    </Stack>
  );
}
