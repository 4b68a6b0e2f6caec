/**
 * One product's creator collaborations (agency only): who promotes it since when, the sample and its shipping,
 * content with views, likes and orders, and each creator's orders, GMV and commission. Sortable, paged, live.
 */
import { Anchor, Avatar, Badge, Box, Card, Drawer, Group, Select, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBrandTiktok, IconCheck, IconClock, IconLivePhoto, IconMinus, IconUsers, IconVideo, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { PagerControls } from '../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
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

const PAGE_SIZE = 10;
type Collaboration = NonNullable<CampaignProductCollaborationsQuery['campaignProductCollaborations']>['edges'][number]['node'];

const SORTS: Array<{ value: CreatorCollaborationSortField; label: string }> = [
  { value: 'GMV_ESTIMATED', label: 'GMV (estimated)' },
  { value: 'PAID_ORDERS', label: 'Paid orders' },
  { value: 'CREATOR_COMMISSION_ESTIMATED', label: 'Creator commission' },
  { value: 'AGENCY_COMMISSION_ESTIMATED', label: 'Agency commission' },
  { value: 'CONTENT_VIEWS', label: 'Content views' },
  { value: 'CONTENT_LIKES', label: 'Content likes' },
  { value: 'CONTENT_ORDERS', label: 'Orders from content' },
  { value: 'VIDEOS', label: 'Videos' },
  { value: 'LIVES', label: 'LIVE sessions' },
  { value: 'GMV_ACTUAL', label: 'GMV (settled)' },
];

const STEP_ICON: Record<StepState, { icon: typeof IconCheck; color: string }> = {
  done: { icon: IconCheck, color: 'teal' },
  active: { icon: IconClock, color: 'indigo' },
  todo: { icon: IconMinus, color: 'gray' },
  skipped: { icon: IconMinus, color: 'gray' },
  stopped: { icon: IconX, color: 'red' },
};

function Steps({ c }: { c: Collaboration }) {
  const steps = collaborationSteps({
    since: c.since,
    showcaseStatus: c.showcaseStatus,
    sampleStatus: c.sampleRequest?.status ?? null,
    videos: c.videos,
    lives: c.lives,
    paidOrders: c.numbers.paidOrders,
  });
  return (
    <Group gap={6} wrap="wrap" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Collaboration progress" data-testid="collaboration-steps">
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
  const creator = c.creator;
  const name = creator?.displayName || creator?.handle || 'Creator';
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
                {creator?.followers !== null && creator?.followers !== undefined ? ` · ${formatCompact(creator.followers)} followers` : ''}
              </Text>
            </Stack>
          </Group>
          <Stack gap={2} align="flex-end">
            {c.creatorRateBps !== null && (
              <Badge variant="light" color="pink" radius="sm" tt="none">
                creator {formatRate(c.creatorRateBps)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {c.since ? `since ${formatDate(c.since, timeZone)}` : 'link only'}
            </Text>
          </Stack>
        </Group>

        <Steps c={c} />

        <SimpleGrid cols={4} spacing="xs">
          <Figure label="Orders" value={formatCount(n.paidOrders)} sub={`${formatCount(n.actualOrders)} settled`} />
          <Figure label="GMV" value={formatMoneyOrDash(n.gmvEstimated)} sub={`${formatMoneyOrDash(n.gmvActual)} settled`} />
          <Figure label="Creator commission" value={formatMoneyOrDash(n.creatorCommissionEstimated)} sub={`${formatMoneyOrDash(n.creatorCommissionActual)} settled`} />
          <Figure label="Agency commission" value={formatMoneyOrDash(n.agencyCommissionEstimated)} sub={`${formatMoneyOrDash(n.agencyCommissionActual)} settled`} />
        </SimpleGrid>

        {sample && (
          <Group gap="xs" wrap="wrap" data-testid="collaboration-sample">
            <Text size="xs" c="dimmed">
              Sample
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
                content due {formatDateTime(sample.contentDueAt, timeZone)}
              </Text>
            )}
          </Group>
        )}

        <Group gap="md" wrap="wrap">
          <Group gap={4}>
            <IconVideo size={14} aria-hidden />
            <Text size="xs">
              {formatCount(c.videos)} videos · {formatCount(c.lives)} LIVE
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatCompact(c.contentViews)} views · {formatCompact(c.contentLikes)} likes · {formatCount(c.contentOrders)} orders from content
          </Text>
        </Group>
        {c.contents.length > 0 && (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Content by ${name}`}>
            {c.contents.map((content) => (
              <Group key={content.id} component="li" gap={6} wrap="nowrap">
                {content.kind === 'LIVE' ? <IconLivePhoto size={14} aria-hidden /> : <IconBrandTiktok size={14} aria-hidden />}
                <Anchor href={content.url} target="_blank" rel="noopener noreferrer" size="xs">
                  {content.kind === 'LIVE' ? 'LIVE' : 'Video'} · {formatDate(content.postedAt, timeZone)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatCompact(content.views)} views · {formatCompact(content.likes)} likes · {formatCount(content.ordersCount)} orders
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
      <Select label="Sort creators by" data={SORTS} value={sortField} onChange={(v) => v && setSortField(v as CreatorCollaborationSortField)} allowDeselect={false} w={260} />
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data && fetching ? (
        <LoadingState label="Loading creators…" />
      ) : rows.length === 0 ? (
        <EmptyBlock title="No creators yet" description="Creators appear here once they add the product from a list or sell it through a link." icon={<IconUsers aria-hidden />} />
      ) : (
        <Box>
          <Stack gap="sm" data-testid="collaborations">
            {rows.map((c, i) => (
              <CollaborationCard key={c.creator?.id ?? i} c={c} timeZone={timeZone} />
            ))}
          </Stack>
          <PagerControls
            pager={pager}
            pageSize={PAGE_SIZE}
            shown={rows.length}
            totalCount={connection?.totalCount ?? 0}
            hasNextPage={connection?.pageInfo.hasNextPage ?? false}
            endCursor={connection?.pageInfo.endCursor}
            busy={fetching}
            label="Creator pages"
          />
        </Box>
      )}
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
  return (
    <Drawer
      opened={registrationId !== null}
      onClose={onClose}
      position="right"
      size={720}
      title={
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Creator collaborations
          </Text>
          <Text fw={600} lineClamp={2}>
            {title}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': 'Close creator collaborations' }}
    >
      {registrationId && (
        <Tooltip.Group>
          <CollaborationList registrationId={registrationId} timeZone={timeZone} version={version} />
        </Tooltip.Group>
      )}
    </Drawer>
  );
}
