/** The campaign marketplace: campaigns this shop may join, with filters, and what it has registered in each. */
import {
  Badge,
  Button,
  Card,
  Chip,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconBuildingStore, IconCalendarEvent, IconCircleCheck, IconSpeakerphone } from '@tabler/icons-react';
import { SearchInput } from '../../../components/SearchInput';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { useCampaignEvents } from '../../../features/campaigns/useCampaignEvents';
import { checkPercent } from '../../../features/campaigns/percent';
import { formatPeriodDates } from '../../../features/campaigns/period';
import { RateInput } from '../../../features/campaigns/RateInput';
import { wallTimeToInstant } from '../../../features/campaigns/zonedTime';
import { SellerMarketplaceDocument, type CampaignSortField, type CampaignStatus, type SellerMarketplaceQuery, type SortDirection } from '../../../generated/graphql';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { DateField } from '../../../components/dates/DateField';
import { useT } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/catalogues';

const PAGE_SIZE = 12;
const SELLER_STATUSES: CampaignStatus[] = ['ONGOING', 'UPCOMING', 'CLOSED'];
const SORTS: ReadonlyArray<{ value: string; label: MessageKey; field: CampaignSortField; direction: SortDirection }> = [
  { value: 'created-desc', label: 'seller.market.sortNewest', field: 'CREATED', direction: 'DESC' },
  { value: 'end-asc', label: 'seller.market.sortEnding', field: 'END', direction: 'ASC' },
  { value: 'start-asc', label: 'seller.market.sortStarting', field: 'START', direction: 'ASC' },
];

type Campaign = SellerMarketplaceQuery['campaigns']['edges'][number]['node'];

function CampaignCard({ campaign: c }: { campaign: Campaign }) {
  const t = useT();
  const tz = marketTimeZone(c.market);
  const p = c.myParticipation;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`campaign-${c.id}`} data-testid="marketplace-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id={`campaign-${c.id}`} lineClamp={2}>
              {c.name}
            </Title>
            <Text size="xs" c="dimmed">
              {t('seller.campaign.byAgency', { agency: c.agency?.name ?? t('seller.campaign.anAgency') })}
            </Text>
          </Stack>
          <CampaignStatusBadge status={c.status} size="sm" />
        </Group>
        {c.description && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {c.description}
          </Text>
        )}
        <Group gap="lg" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('seller.market.minCommission')}
            </Text>
            <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="card-requirement">
              {formatRate(c.commissionRequirementBps)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('seller.perf.campaign')}
            </Text>
            <Text size="sm" fw={500}>
              {formatPeriodDates(c.campaignStart, c.campaignEnd, tz)}
            </Text>
          </div>
        </Group>
        <Group gap={6}>
          <IconCalendarEvent size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="xs" c={c.registrationOpen ? 'teal' : 'dimmed'} fw={c.registrationOpen ? 600 : undefined}>
            {c.registrationOpen
              ? t('seller.market.openUntil', { date: formatDateTime(c.registrationEnd, tz) })
              : c.status === 'UPCOMING'
                ? t('seller.market.opens', { date: formatDateTime(c.campaignStart, tz) })
                : t('seller.market.closed')}
          </Text>
        </Group>
        <Group justify="space-between" mt="auto" pt="xs" wrap="wrap" gap="xs">
          {p?.joined ? (
            <Badge variant="light" color="teal" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />} data-testid="card-joined">
              {t('seller.market.joined', { count: p.registeredProducts, shown: formatCount(p.registeredProducts) })}
              {p.counts.pending ? t('seller.market.pending', { shown: formatCount(p.counts.pending) }) : ''}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              {t('seller.campaign.notJoined')}
            </Text>
          )}
          <Button component={Link} to={c.id} size="xs" variant="light" rightSection={<IconArrowRight size={14} aria-hidden />} aria-label={t('seller.market.viewName', { name: c.name })}>
            {t('seller.market.view')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function MarketplacePage() {
  const t = useT();
  const viewer = useViewer();
  const market = viewer.organisation.market;
  const tz = marketTimeZone(market);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [statuses, setStatuses] = useState<CampaignStatus[]>([]);
  const [maxRequirement, setMaxRequirement] = useState('');
  const [activeOn, setActiveOn] = useState('');
  const [joined, setJoined] = useState<'all' | 'joined' | 'not'>('all');
  const [sortValue, setSortValue] = useState(SORTS[0]!.value);
  const sort = SORTS.find((s) => s.value === sortValue) ?? SORTS[0]!;

  const requirement = checkPercent(maxRequirement, { required: false });
  // A calendar day in the market's zone, checked at its noon: campaigns running on that day.
  const activeOnInstant = activeOn ? wallTimeToInstant(`${activeOn}T12:00`, tz) : null;
  const filter = {
    search: debounced || null,
    status: statuses.length ? statuses : null,
    maxCommissionRequirementBps: requirement.error ? null : requirement.bps,
    activeOn: activeOnInstant,
    joined: joined === 'all' ? null : joined === 'joined',
  };
  const pager = usePager(JSON.stringify([filter, sortValue]));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerMarketplaceDocument,
    variables: { first: PAGE_SIZE, after: pager.after, filter, sort: { field: sort.field, direction: sort.direction } },
  });
  // A campaign-level change (edited, change applied, published, unpublished, closed) refetches live; so does a
  // socket reconnect.
  useCampaignEvents(() => refetch({ requestPolicy: 'network-only' }));
  const connection = data?.campaigns;
  const rows = connection?.edges ?? [];
  const filtered = Boolean(debounced || statuses.length || requirement.bps !== null || activeOn || joined !== 'all');

  return (
    <>
      <PageHeader
        title={t('seller.market.title')}
        description={market ? t('seller.market.descriptionIn', { market: MARKETS[market].name }) : t('seller.market.description')}
      />
      <Card withBorder radius="md" padding="lg" mb="lg">
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="wrap">
            <SearchInput
              label={t('seller.market.search')}
              placeholder={t('seller.market.searchPlaceholder')}
              value={search}
              onChange={setSearch}
              w={{ base: '100%', xs: 240 }}
            />
            <RateInput
              label={t('seller.market.maxRequirement')}
              placeholder={t('seller.market.maxRequirementPlaceholder')}
              value={maxRequirement}
              onChange={setMaxRequirement}
              error={requirement.error}
              w={{ base: '100%', xs: 220 }}
            />
            <DateField
              label={t('seller.market.runningOn')}
              placeholder={t('seller.market.anyDay')}
              value={activeOn}
              onChange={setActiveOn}
              w={{ base: '100%', xs: 180 }}
            />
            <Select
              label={t('seller.market.sortBy')}
              data={SORTS.map(({ value, label }) => ({ value, label: t(label) }))}
              value={sortValue}
              onChange={(v) => v && setSortValue(v)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
          </Group>
          <Group gap="md" wrap="wrap" align="center">
            <div role="group" aria-label={t('seller.perf.status')}>
              <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v as CampaignStatus[])}>
                <Group gap={6}>
                  {SELLER_STATUSES.map((s) => (
                    <Chip key={s} value={s} size="sm" variant="outline" color={CAMPAIGN_STATUS[s].color}>
                      {t(CAMPAIGN_STATUS[s].label)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
            <SegmentedControl
              aria-label={t('seller.market.participation')}
              size="xs"
              value={joined}
              onChange={(v) => setJoined(v as typeof joined)}
              data={[
                { value: 'all', label: t('seller.market.all') },
                { value: 'joined', label: t('seller.market.joinedFilter') },
                { value: 'not', label: t('seller.market.notJoinedFilter') },
              ]}
            />
          </Group>
        </Stack>
      </Card>

      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('seller.market.loading')}
        empty={
          rows.length === 0 && (
            <Card withBorder radius="md">
              <EmptyBlock
                title={filtered ? t('seller.market.noMatch') : t('seller.market.none')}
                description={filtered ? t('seller.orders.noMatchBody') : t('seller.market.noneBody')}
                icon={filtered ? <IconSpeakerphone aria-hidden /> : <IconBuildingStore aria-hidden />}
              />
            </Card>
          )
        }
      >
        <div style={{ position: 'relative' }}>
          <RefreshOverlay visible={fetching} />
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md" aria-busy={fetching}>
            {rows.map(({ node }) => (
              <CampaignCard key={node.id} campaign={node} />
            ))}
          </SimpleGrid>
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
            busy={fetching}
            label={t('seller.market.pages')}
          />
        </div>
      </QueryBoundary>
    </>
  );
}
