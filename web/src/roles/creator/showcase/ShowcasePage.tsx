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
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useSampleEvents } from '../../../features/samples/useSampleEvents';
import { useShowcaseEvents } from '../../../features/showcase/useShowcaseEvents';
import { ShowcaseDocument, ShowcaseRemoveDocument, type ShowcaseQuery, type ShowcaseStatus } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDate, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { PasteLinkCard } from '../PasteLinkCard';
import { ProductHeader } from '../ProductHeader';
import { ContentRecordDialog, type ContentTarget } from './ContentRecordDialog';
import { SampleRequestDialog, type SampleTarget } from './SampleRequestDialog';

const PAGE_SIZE = 20;
const PAST: ShowcaseStatus[] = ['REPLACED', 'REMOVED', 'ENDED'];
const PAST_LABEL: Record<ShowcaseStatus, string> = { ACTIVE: 'Active', REPLACED: 'Replaced by another offer', REMOVED: 'Removed', ENDED: 'Collaboration ended' };
type Entry = ShowcaseQuery['showcase']['edges'][number]['node'];

function EntryCard({ entry, timeZone, onSample, onContent, onRemove }: { entry: Entry; timeZone: string; onSample: () => void; onContent: () => void; onRemove: () => void }) {
  const title = entry.product?.title ?? 'Product';
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
              {active ? 'Your rate' : 'Your rate was'}
            </Text>
            <Text fz={26} fw={800} c={active ? 'pink' : 'dimmed'} lh={1.1} data-testid="showcase-rate">
              {formatRate(entry.creatorRateBps)}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" ta="right">
            {active && entry.activeSince ? (
              <Text size="xs" c="dimmed">
                Since {formatDate(entry.activeSince, timeZone)}
              </Text>
            ) : (
              <Text size="xs" fw={600} data-testid="showcase-ended">
                {PAST_LABEL[entry.status]}
                {entry.endedAt ? ` on ${formatDate(entry.endedAt, timeZone)}` : ''}
              </Text>
            )}
            {active && (
              <Text size="xs" c="dimmed">
                Commission until {formatDate(entry.campaignEnd, timeZone)}
              </Text>
            )}
          </Stack>
        </Group>

        {active && entry.pendingRateBps !== null && entry.pendingRateEffectiveAt && (
          <Alert color="yellow" variant="light" radius="md" p="xs" icon={<IconArrowDownRight size={18} aria-hidden />} data-testid="pending-decrease">
            <Text size="sm">
              Drops to <b>{formatRate(entry.pendingRateBps)}</b> on {formatDate(entry.pendingRateEffectiveAt, timeZone)}. Until then you keep{' '}
              {formatRate(entry.creatorRateBps)}.
            </Text>
          </Alert>
        )}

        <Text size="xs" c="dimmed">
          {entry.campaignName} · {entry.agencyName}
        </Text>

        {active && (
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              {sample ? (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">Sample</Text>
                  <SampleStatusBadge status={sample.status} />
                  {sample.contentDueAt && (sample.status === 'DELIVERED' || sample.status === 'OVERDUE') && (
                    <Text size="xs" c={sample.status === 'OVERDUE' ? 'red' : 'dimmed'}>
                      content due {formatDate(sample.contentDueAt, timeZone)}
                    </Text>
                  )}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {entry.sampleAvailable ? `Free sample · ${formatCount(entry.samplesLeft)} left` : 'No free samples left'}
                </Text>
              )}
              {sample ? (
                <Anchor component={Link} to="/creator/samples" size="sm">
                  Details
                </Anchor>
              ) : null}
            </Group>
            <Stack gap="xs">
              {!sample && (
                <Button variant="light" color="pink" size="md" leftSection={<IconGift size={18} aria-hidden />} onClick={onSample} disabled={!entry.sampleAvailable} aria-label={`Request sample: ${title}`}>
                  Request sample
                </Button>
              )}
              <Button variant="light" size="md" leftSection={<IconVideo size={18} aria-hidden />} onClick={onContent} aria-label={`${contents ? `Record content (${formatCount(contents)} so far)` : 'Record content'}: ${title}`}>
                {contents ? `Record content (${formatCount(contents)} so far)` : 'Record content'}
              </Button>
            </Stack>
            <Button variant="subtle" color="red" size="sm" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove} aria-label={`Remove ${title} from the showcase`} style={{ alignSelf: 'flex-start' }}>
              Remove
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function ShowcasePage() {
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
    const problem = result.error ? describeError(result.error) : result.data?.showcaseRemove.userErrors.map((e) => e.message).join(' ');
    if (problem) notifications.show({ color: 'red', title: 'Not removed', message: problem });
    else notifications.show({ color: 'teal', title: 'Removed from your showcase', message: removing.product?.title ?? '' });
    setRemoving(null);
    reload();
  };

  const connection = data?.showcase;
  const entries = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Showcase
        </Title>
        <Text size="sm" c="dimmed">
          Products you promote, each at your own rate.
        </Text>
      </Stack>
      <SegmentedControl
        fullWidth
        size="md"
        aria-label="Which entries"
        value={view}
        onChange={(v) => setParams(v === 'past' ? { view: 'past' } : {}, { replace: true })}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'past', label: 'Past' },
        ]}
      />

      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data && fetching ? (
        <LoadingState label="Loading your showcase…" />
      ) : entries.length === 0 ? (
        view === 'active' ? (
          <Stack gap="md">
            <EmptyBlock
              title="Your showcase is empty"
              description="Open an offer link from an agency and add products to start earning."
              icon={<IconBuildingStore aria-hidden />}
            >
              <Button component={Link} to="/creator/offers" variant="light" size="md" mt="sm">
                See your offers
              </Button>
            </EmptyBlock>
            <PasteLinkCard />
          </Stack>
        ) : (
          <EmptyBlock title="Nothing here yet" description="Products you remove, replace or whose collaboration ends are listed here." />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="showcase-count">
            {formatCount(connection?.totalCount ?? 0)} {view === 'active' ? 'active' : 'past'} {connection?.totalCount === 1 ? 'product' : 'products'}
          </Text>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Showcase products">
            {entries.map((entry) => (
              <li key={entry.id}>
                <EntryCard
                  entry={entry}
                  timeZone={tz}
                  onSample={() => setSampleTarget({ entryId: entry.id, title: entry.product?.title ?? 'product', samplesLeft: entry.samplesLeft })}
                  onContent={() => setContentTarget({ entryId: entry.id, title: entry.product?.title ?? 'product' })}
                  onRemove={() => setRemoving(entry)}
                />
              </li>
            ))}
          </Stack>
          {(connection?.totalCount ?? 0) > PAGE_SIZE && (
            <PagerControls
              pager={pager}
              pageSize={PAGE_SIZE}
              shown={entries.length}
              totalCount={connection?.totalCount ?? 0}
              hasNextPage={connection?.pageInfo.hasNextPage ?? false}
              endCursor={connection?.pageInfo.endCursor}
              busy={fetching}
              label="Showcase pages"
            />
          )}
        </>
      )}

      <SampleRequestDialog
        target={sampleTarget}
        onClose={() => setSampleTarget(null)}
        onRequested={() => {
          notifications.show({ color: 'teal', title: 'Sample requested', message: 'The agency reviews it; you are notified when it ships.' });
          reload();
        }}
      />
      <ContentRecordDialog
        target={contentTarget}
        timeZone={tz}
        onClose={() => setContentTarget(null)}
        onRecorded={() => {
          notifications.show({ color: 'teal', title: 'Content recorded', message: 'It counts for the product’s sample, if you have one.' });
          reload();
        }}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove “${removing?.product?.title ?? ''}”?`}
        confirmLabel="Remove"
        busy={removeBusy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        Orders through it stop earning commission. You can add it again from an offer link later, at that offer’s rate.
      </ConfirmDialog>
    </Stack>
  );
}
