/**
 * The creator's showcase, live: each product at its own rate, since when, a scheduled decrease and its date,
 * the campaign's end, samples (request one) and content (record it); remove products. Past entries
 * (replaced, removed, ended) are one tap away.
 */
import { Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDownRight, IconBuildingStore, IconGift, IconTrash, IconVideo } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useSampleEvents } from '../../../features/samples/useSampleEvents';
import { useShowcaseEvents } from '../../../features/showcase/useShowcaseEvents';
import { ShowcaseDocument, ShowcaseRemoveDocument, type ShowcaseQuery, type ShowcaseStatus } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { mutationProblem } from '../../../components/mutationResult';
import { formatCount, formatDate, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { PasteLinkCard } from '../PasteLinkCard';
import { ProductHeader } from '../ProductHeader';
import { ContentRecordDialog, type ContentTarget } from './ContentRecordDialog';
import { SampleRequestDialog, type SampleTarget } from './SampleRequestDialog';

const PAGE_SIZE = 20;
/** A long label ("I-record ang content (1 na sa ngayon)") takes two lines on a phone instead of being cut. */
const WRAPPING_LABEL = { label: { whiteSpace: 'normal', textAlign: 'center' } } as const;
const PAST: ShowcaseStatus[] = ['REPLACED', 'REMOVED', 'ENDED'];
const PAST_LABEL: Record<ShowcaseStatus, MessageKey> = {
  ACTIVE: 'creator.showcase.status.active',
  REPLACED: 'creator.showcase.status.replaced',
  REMOVED: 'creator.showcase.status.removed',
  ENDED: 'creator.showcase.status.ended',
};
type Entry = ShowcaseQuery['showcase']['edges'][number]['node'];

function EntryCard({ entry, timeZone, onSample, onContent, onRemove }: { entry: Entry; timeZone: string; onSample: () => void; onContent: () => void; onRemove: () => void }) {
  const t = useT();
  const title = entry.product?.title ?? t('creator.showcase.productFallback');
  const active = entry.status === 'ACTIVE';
  const sample = entry.sampleRequest;
  const contents = entry.contents.length;
  return (
    <Card withBorder radius="lg" padding="md" data-testid="showcase-entry" data-status={entry.status}>
      <Stack gap="sm">
        <ProductHeader product={entry.product} />
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {active ? t('creator.showcase.yourRate') : t('creator.showcase.yourRateWas')}
            </Text>
            <Text fz={26} fw={800} c={active ? 'pink' : 'dimmed'} lh={1.1} data-testid="showcase-rate">
              {formatRate(entry.creatorRateBps)}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" ta="right">
            {active && entry.activeSince ? (
              <Text size="xs" c="dimmed">
                {t('creator.showcase.since', { date: formatDate(entry.activeSince, timeZone) })}
              </Text>
            ) : (
              <Text size="xs" fw={600} data-testid="showcase-ended">
                {entry.endedAt
                  ? t('creator.showcase.endedOn', { status: t(PAST_LABEL[entry.status]), date: formatDate(entry.endedAt, timeZone) })
                  : t(PAST_LABEL[entry.status])}
              </Text>
            )}
            {active && (
              <Text size="xs" c="dimmed">
                {t('creator.showcase.commissionUntil', { date: formatDate(entry.campaignEnd, timeZone) })}
              </Text>
            )}
          </Stack>
        </Group>

        {active && entry.pendingRateBps !== null && entry.pendingRateEffectiveAt && (
          <Alert color="yellow" variant="light" radius="md" p="xs" icon={<IconArrowDownRight size={18} aria-hidden />} data-testid="pending-decrease">
            <Text size="sm">
              {richT(
                t,
                'creator.showcase.dropsTo',
                { date: formatDate(entry.pendingRateEffectiveAt, timeZone), current: formatRate(entry.creatorRateBps) },
                { rate: <b>{formatRate(entry.pendingRateBps)}</b> },
              )}
            </Text>
          </Alert>
        )}

        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs" c="dimmed">
            {entry.campaignName} · {entry.agencyName}
          </Text>
          <HistoryButton title={title} data-testid="showcase-history-open" subject="showcaseEntry" id={entry.id} timeZone={timeZone} />
        </Group>

        {active && (
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              {sample ? (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{t('creator.showcase.sample')}</Text>
                  <SampleStatusBadge status={sample.status} />
                  {sample.contentDueAt && (sample.status === 'DELIVERED' || sample.status === 'OVERDUE') && (
                    <Text size="xs" c={sample.status === 'OVERDUE' ? 'red' : 'dimmed'}>
                      {t('creator.showcase.contentDue', { date: formatDate(sample.contentDueAt, timeZone) })}
                    </Text>
                  )}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {entry.sampleAvailable ? t('creator.showcase.freeSampleLeft', { shown: formatCount(entry.samplesLeft) }) : t('creator.showcase.noFreeSamples')}
                </Text>
              )}
              {sample ? (
                <Anchor component={Link} to="/creator/samples" size="sm">
                  {t('creator.showcase.details')}
                </Anchor>
              ) : null}
            </Group>
            <Stack gap="xs">
              {!sample && (
                <Button variant="light" color="pink" size="md" leftSection={<IconGift size={18} aria-hidden />} onClick={onSample} disabled={!entry.sampleAvailable} aria-label={t('creator.showcase.actionFor', { action: t('creator.showcase.requestSample'), title })}>
                  {t('creator.showcase.requestSample')}
                </Button>
              )}
              <Button variant="light" size="md" h="auto" mih={42} py={6} styles={WRAPPING_LABEL} leftSection={<IconVideo size={18} aria-hidden />} onClick={onContent} aria-label={t('creator.showcase.actionFor', { action: contents ? t('creator.showcase.recordContentSoFar', { shown: formatCount(contents) }) : t('creator.showcase.recordContent'), title })}>
                {contents ? t('creator.showcase.recordContentSoFar', { shown: formatCount(contents) }) : t('creator.showcase.recordContent')}
              </Button>
            </Stack>
            <Button variant="subtle" color="red" size="sm" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove} aria-label={t('creator.showcase.removeFrom', { title })} style={{ alignSelf: 'flex-start' }}>
              {t('creator.showcase.remove')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function ShowcasePage() {
  const t = useT();
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'past' ? 'past' : 'active';
  const pager = usePager(view);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ShowcaseDocument,
    variables: { first: PAGE_SIZE, after: pager.after, status: view === 'past' ? PAST : ['ACTIVE'] },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useShowcaseEvents(reload);
  useSampleEvents(reload);

  const [sampleTarget, setSampleTarget] = useState<SampleTarget | null>(null);
  const [contentTarget, setContentTarget] = useState<ContentTarget | null>(null);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const [{ fetching: removeBusy }, removeMutation] = useMutation(ShowcaseRemoveDocument);
  const remove = async () => {
    if (!removing) return;
    const result = await removeMutation({ input: { entryIds: [removing.id] } }, { additionalTypenames: ['ShowcaseEntry'] });
    const problem = mutationProblem(result, result.data?.showcaseRemove.userErrors);
    if (problem) notifications.show({ color: 'red', title: t('creator.showcase.notRemoved'), message: problem });
    else notifications.show({ color: 'teal', title: t('creator.showcase.removed'), message: removing.product?.title ?? '' });
    setRemoving(null);
    reload();
  };

  const connection = data?.showcase;
  const entries = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('creator.showcase.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('creator.showcase.subtitle')}
        </Text>
      </Stack>
      <SegmentedControl
        fullWidth
        size="md"
        aria-label={t('creator.showcase.which')}
        value={view}
        onChange={(v) => setParams(v === 'past' ? { view: 'past' } : {}, { replace: true })}
        data={[
          { value: 'active', label: t('creator.showcase.status.active') },
          { value: 'past', label: t('creator.showcase.past') },
        ]}
      />

      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('creator.showcase.loading')}
        empty={
          entries.length === 0 && (
            view === 'active' ? (
              <Stack gap="md">
                <EmptyBlock
                  title={t('creator.showcase.empty')}
                  description={t('creator.showcase.emptyHint')}
                  icon={<IconBuildingStore aria-hidden />}
                >
                  <Button component={Link} to="/creator/offers" variant="light" size="md" mt="sm">
                    {t('creator.showcase.seeOffers')}
                  </Button>
                </EmptyBlock>
                <PasteLinkCard />
              </Stack>
            ) : (
              <EmptyBlock title={t('creator.showcase.pastEmpty')} description={t('creator.showcase.pastEmptyHint')} />
            )
          )
        }
      >
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="showcase-count">
            {t('creator.showcase.count', { view, count: connection?.totalCount ?? 0, shown: formatCount(connection?.totalCount ?? 0) })}
          </Text>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('creator.showcase.productsLabel')}>
            {entries.map((entry) => (
              <li key={entry.id}>
                <EntryCard
                  entry={entry}
                  timeZone={tz}
                  onSample={() => setSampleTarget({ entryId: entry.id, title: entry.product?.title ?? t('creator.showcase.productLower'), samplesLeft: entry.samplesLeft })}
                  onContent={() => setContentTarget({ entryId: entry.id, title: entry.product?.title ?? t('creator.showcase.productLower') })}
                  onRemove={() => setRemoving(entry)}
                />
              </li>
            ))}
          </Stack>
          {(connection?.totalCount ?? 0) > PAGE_SIZE && (
            <ConnectionPager
              pager={pager}
              pageSize={PAGE_SIZE}
              connection={connection}
              busy={fetching}
              label={t('creator.showcase.pages')}
            />
          )}
        </>
      </QueryBoundary>

      <SampleRequestDialog
        target={sampleTarget}
        onClose={() => setSampleTarget(null)}
        onRequested={() => {
          notifications.show({ color: 'teal', title: t('creator.showcase.sampleRequested'), message: t('creator.showcase.sampleRequestedHint') });
          reload();
        }}
      />
      <ContentRecordDialog
        target={contentTarget}
        timeZone={tz}
        onClose={() => setContentTarget(null)}
        onRecorded={() => {
          notifications.show({ color: 'teal', title: t('creator.showcase.contentRecorded'), message: t('creator.showcase.contentRecordedHint') });
          reload();
        }}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('creator.showcase.removeTitle', { title: removing?.product?.title ?? '' })}
        confirmLabel={t('creator.showcase.remove')}
        busy={removeBusy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {t('creator.showcase.removeBody')}
      </ConfirmDialog>
    </Stack>
  );
}
