/**
 * One product's creator collaborations (agency only): who promotes it since when, the sample and its shipping,
 * content with views, likes and orders, and each creator's orders, GMV and commission. Sortable, paged, live.
 */
import { Anchor, Avatar, Badge, Box, Card, Group, Select, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBrandTiktok, IconCheck, IconClock, IconLivePhoto, IconMinus, IconUsers, IconVideo, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPager } from '../../components/PagerControls';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { SideDrawer } from '../../components/SideDrawer';
import { usePager } from '../../components/usePager';
import {
  CampaignProductCollaborationsDocument,
  type CampaignProductCollaborationsQuery,
  type CreatorCollaborationSortField,
} from '../../generated/graphql';
import { formatCompact, formatCount, formatDate, formatDateTime, formatMoneyOrDash, formatRate } from '../../lib/format';
import { initials } from '../../lib/text';
import { SHIPMENT_STATUS_LABEL } from '../samples/sampleStatus';
import { SampleStatusBadge } from '../samples/SampleStatusBadge';
import { collaborationSteps, type StepState } from './collaboration';
import { useRefetchOn } from './useLiveRefresh';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';

const PAGE_SIZE = 10;
type Collaboration = NonNullable<CampaignProductCollaborationsQuery['campaignProductCollaborations']>['edges'][number]['node'];

const SORTS: Array<{ value: CreatorCollaborationSortField; key: MessageKey }> = [
  { value: 'GMV_ESTIMATED', key: 'insight.perf.gmvEstimated' },
  { value: 'PAID_ORDERS', key: 'insight.perf.paidOrders' },
  { value: 'CREATOR_COMMISSION_ESTIMATED', key: 'insight.perf.creatorCommission' },
  { value: 'AGENCY_COMMISSION_ESTIMATED', key: 'insight.perf.agencyCommission' },
  { value: 'CONTENT_VIEWS', key: 'insight.collab.sortViews' },
  { value: 'CONTENT_LIKES', key: 'insight.collab.sortLikes' },
  { value: 'CONTENT_ORDERS', key: 'insight.collab.sortContentOrders' },
  { value: 'VIDEOS', key: 'insight.collab.sortVideos' },
  { value: 'LIVES', key: 'insight.collab.sortLives' },
  { value: 'GMV_ACTUAL', key: 'insight.perf.gmvSettled' },
];

const STEP_ICON: Record<StepState, { icon: typeof IconCheck; color: string }> = {
  done: { icon: IconCheck, color: 'teal' },
  active: { icon: IconClock, color: 'indigo' },
  todo: { icon: IconMinus, color: 'gray' },
  skipped: { icon: IconMinus, color: 'gray' },
  stopped: { icon: IconX, color: 'red' },
};

function Steps({ c }: { c: Collaboration }) {
  const t = useT();
  const steps = collaborationSteps(t, {
    since: c.since,
    showcaseStatus: c.showcaseStatus,
    sampleStatus: c.sampleRequest?.status ?? null,
    videos: c.videos,
    lives: c.lives,
    paidOrders: c.numbers.paidOrders,
  });
  return (
    <Group gap={6} wrap="wrap" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('insight.collab.progress')} data-testid="collaboration-steps">
      {steps.map((step, i) => {
        const { icon: Icon, color } = STEP_ICON[step.state];
        return (
          <Group key={step.key} gap={4} wrap="nowrap" component="li" data-state={step.state}>
            <ThemeIcon size={18} radius="xl" variant={step.state === 'done' ? 'filled' : 'light'} color={color} aria-hidden>
              <Icon size={12} />
            </ThemeIcon>
            <Text size="xs" fw={500} c={step.state === 'todo' || step.state === 'skipped' ? 'dimmed' : undefined}>
              {step.label}
            </Text>
            {i < steps.length - 1 && (
              <Text size="xs" c="dimmed" aria-hidden>
                →
              </Text>
            )}
          </Group>
        );
      })}
    </Group>
  );
}

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {sub}
        </Text>
      )}
    </Stack>
  );
}

function CollaborationCard({ c, timeZone }: { c: Collaboration; timeZone: string }) {
  const t = useT();
  const creator = c.creator;
  const name = creator?.displayName || creator?.handle || t('insight.collab.creator');
  const sample = c.sampleRequest;
  const n = c.numbers;
  return (
    <Card withBorder radius="md" padding="md" data-testid="collaboration-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Avatar src={creator?.avatarUrl} alt="" radius="xl" size={44} color="pink">
              {initials(name)}
            </Avatar>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} lineClamp={1}>
                {name}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {creator?.handle ? `@${creator.handle}` : ''}
                {creator?.followers !== null && creator?.followers !== undefined ? ` · ${t('insight.collab.followers', { count: creator.followers, shown: formatCompact(creator.followers) })}` : ''}
              </Text>
            </Stack>
          </Group>
          <Stack gap={2} align="flex-end">
            {c.creatorRateBps !== null && (
              <Badge variant="light" color="pink" radius="sm" tt="none">
                {t('insight.collab.creatorRate', { rate: formatRate(c.creatorRateBps) })}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {c.since ? t('insight.collab.since', { date: formatDate(c.since, timeZone) }) : t('insight.collab.linkOnlyShort')}
            </Text>
          </Stack>
        </Group>

        <Steps c={c} />

        <SimpleGrid cols={4} spacing="xs">
          <Figure label={t('insight.perf.orders')} value={formatCount(n.paidOrders)} sub={t('insight.collab.settled', { value: formatCount(n.actualOrders) })} />
          <Figure label={t('insight.perf.gmv')} value={formatMoneyOrDash(n.gmvEstimated)} sub={t('insight.collab.settled', { value: formatMoneyOrDash(n.gmvActual) })} />
          <Figure
            label={t('insight.perf.creatorCommission')}
            value={formatMoneyOrDash(n.creatorCommissionEstimated)}
            sub={t('insight.collab.settled', { value: formatMoneyOrDash(n.creatorCommissionActual) })}
          />
          <Figure
            label={t('insight.perf.agencyCommission')}
            value={formatMoneyOrDash(n.agencyCommissionEstimated)}
            sub={t('insight.collab.settled', { value: formatMoneyOrDash(n.agencyCommissionActual) })}
          />
        </SimpleGrid>

        {sample && (
          <Group gap="xs" wrap="wrap" data-testid="collaboration-sample">
            <Text size="xs" c="dimmed">
              {t('insight.collab.sample')}
            </Text>
            <SampleStatusBadge status={sample.status} />
            {sample.shipmentStatus && (
              <Text size="xs">
                {SHIPMENT_STATUS_LABEL[sample.shipmentStatus]}
                {sample.carrier ? ` · ${sample.carrier}` : ''}
                {sample.trackingNumber ? ` ${sample.trackingNumber}` : ''}
              </Text>
            )}
            {sample.contentDueAt && (sample.status === 'DELIVERED' || sample.status === 'OVERDUE') && (
              <Text size="xs" c={sample.status === 'OVERDUE' ? 'red' : undefined}>
                {t('insight.collab.contentDue', { date: formatDateTime(sample.contentDueAt, timeZone) })}
              </Text>
            )}
          </Group>
        )}

        <Group gap="md" wrap="wrap">
          <Group gap={4}>
            <IconVideo size={14} aria-hidden />
            <Text size="xs">
              {t('insight.collab.videosLives', { videos: c.videos, shownVideos: formatCount(c.videos), lives: formatCount(c.lives) })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('insight.collab.reach', { views: formatCompact(c.contentViews), likes: formatCompact(c.contentLikes), orders: c.contentOrders, shownOrders: formatCount(c.contentOrders) })}
          </Text>
        </Group>
        {c.contents.length > 0 && (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('insight.collab.contentBy', { name })}>
            {c.contents.map((content) => (
              <Group key={content.id} component="li" gap={6} wrap="nowrap">
                {content.kind === 'LIVE' ? <IconLivePhoto size={14} aria-hidden /> : <IconBrandTiktok size={14} aria-hidden />}
                <Anchor href={content.url} target="_blank" rel="noopener noreferrer" size="xs">
                  {content.kind === 'LIVE' ? 'LIVE' : t('insight.collab.video')} · {formatDate(content.postedAt, timeZone)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('insight.collab.contentReach', { views: formatCompact(content.views), likes: formatCompact(content.likes), orders: content.ordersCount, shownOrders: formatCount(content.ordersCount) })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function CollaborationList({ registrationId, timeZone, version }: { registrationId: string; timeZone: string; version: number }) {
  const t = useT();
  const [sortField, setSortField] = useState<CreatorCollaborationSortField>('GMV_ESTIMATED');
  const pager = usePager(sortField);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CampaignProductCollaborationsDocument,
    variables: { registrationId, first: PAGE_SIZE, after: pager.after, sort: { field: sortField, direction: 'DESC' } },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOn(version, reload);
  const connection = data?.campaignProductCollaborations;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <Select label={t('insight.collab.sortBy')} data={SORTS.map((s) => ({ value: s.value, label: t(s.key) }))} value={sortField} onChange={(v) => v && setSortField(v as CreatorCollaborationSortField)} allowDeselect={false} w={260} />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('insight.collab.loading')}
        empty={rows.length === 0 && <EmptyBlock title={t('insight.collab.none')} description={t('insight.collab.noneHelp')} icon={<IconUsers aria-hidden />} />}
      >
        <Box>
          <Stack gap="sm" data-testid="collaborations">
            {rows.map((c, i) => (
              <CollaborationCard key={c.creator?.id ?? i} c={c} timeZone={timeZone} />
            ))}
          </Stack>
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
            busy={fetching}
            label={t('insight.collab.pages')}
          />
        </Box>
      </QueryBoundary>
    </Stack>
  );
}

export interface CollaborationsDrawerProps {
  registrationId: string | null;
  title: string;
  timeZone: string;
  version: number;
  onClose: () => void;
}

export function CollaborationsDrawer({ registrationId, title, timeZone, version, onClose }: CollaborationsDrawerProps) {
  const t = useT();
  return (
    <SideDrawer
      opened={registrationId !== null}
      onClose={onClose}
      kicker={t('insight.collab.title')}
      title={title}
      closeLabel={t('insight.collab.close')}
      size={720}
    >
      {registrationId && (
        <Tooltip.Group>
          <CollaborationList registrationId={registrationId} timeZone={timeZone} version={version} />
        </Tooltip.Group>
      )}
    </SideDrawer>
  );
}
