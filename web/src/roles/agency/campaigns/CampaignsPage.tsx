/** The agency's campaigns: status chips and counts, filters (status, market, search, registration open, archived),
 * sort (closing soon, commission…), keyset pages, row actions (duplicate, delete a draft, archive), live refetch. */
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Chip,
  Group,
  LoadingOverlay,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClockHour4, IconPlus, IconSearch, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MarketBadge } from '../../../components/MarketBadge';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { CAMPAIGN_STATUS, CAMPAIGN_STATUSES } from '../../../features/campaigns/campaignStatus';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { formatPeriodDates } from '../../../features/campaigns/period';
import {
  AgencyCampaignsDocument,
  type CampaignSortField,
  type CampaignStatus,
  type Market,
  type SortDirection,
} from '../../../generated/graphql';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';
import { useCampaignEvents } from '../../../features/campaigns/useCampaignEvents';
import { CampaignRowActions } from './CampaignRowActions';
import { useAgencyMarkets } from './useAgencyMarkets';
import { MyScorecardCard } from '../../../features/insight/ScorecardPanel';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 20;

const SORTS: ReadonlyArray<{ value: string; label: string; field: CampaignSortField; direction: SortDirection }> = [
  { value: 'created-desc', label: 'Newest first', field: 'CREATED', direction: 'DESC' },
  { value: 'created-asc', label: 'Oldest first', field: 'CREATED', direction: 'ASC' },
  { value: 'start-asc', label: 'Start date, earliest first', field: 'START', direction: 'ASC' },
  { value: 'start-desc', label: 'Start date, latest first', field: 'START', direction: 'DESC' },
  { value: 'end-asc', label: 'End date, earliest first', field: 'END', direction: 'ASC' },
  { value: 'end-desc', label: 'End date, latest first', field: 'END', direction: 'DESC' },
  { value: 'closing-soon', label: 'Registration closing soon', field: 'REGISTRATION_END', direction: 'ASC' },
  { value: 'commission-desc', label: 'Min. commission, highest first', field: 'COMMISSION_REQUIREMENT', direction: 'DESC' },
  { value: 'commission-asc', label: 'Min. commission, lowest first', field: 'COMMISSION_REQUIREMENT', direction: 'ASC' },
];

function readStatuses(params: URLSearchParams): CampaignStatus[] {
  return params.getAll('status').filter((s): s is CampaignStatus => (CAMPAIGN_STATUSES as string[]).includes(s));
}

export function CampaignsPage() {
  const t = useT();
  const viewer = useViewer();
  const markets = useAgencyMarkets();
  const [params, setParams] = useSearchParams();
  const statuses = readStatuses(params);
  const market = (params.get('market') as Market | null) ?? null;
  const sort = SORTS.find((s) => s.value === params.get('sort')) ?? SORTS[0]!;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const update = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
      else if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const openNow = params.get('open') === '1';
  const archived = params.get('archived') === '1';
  const filter = {
    status: statuses.length ? statuses : null,
    market,
    search: debounced || null,
    registrationOpen: openNow ? true : null,
    archived: archived ? true : null,
  };
  const pager = usePager(JSON.stringify([filter, sort.value]));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AgencyCampaignsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, filter, sort: { field: sort.field, direction: sort.direction } },
  });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  useCampaignEvents(() => refetch({ requestPolicy: 'network-only' }));

  const connection = data?.campaigns;
  const rows = connection?.edges ?? [];
  const filtered = statuses.length > 0 || market !== null || debounced !== '' || openNow || archived;

  return (
    <>
      <PageHeader
        title="Campaigns"
        description={`Partner campaigns run by ${viewer.organisation.name}.`}
        actions={
          <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden />}>
            New campaign
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label="Search"
              placeholder="Campaign name"
              type="search"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                update({ q: e.currentTarget.value.trim() || null });
              }}
              w={260}
            />
            <Select
              label="Market"
              placeholder="All markets"
              clearable
              data={(markets.length ? markets : (Object.keys(MARKETS) as Market[])).map((m) => ({ value: m, label: MARKETS[m].name }))}
              value={market}
              onChange={(value) => update({ market: value })}
              w={200}
            />
            <Select
              label="Sort by"
              data={SORTS.map(({ value, label }) => ({ value, label }))}
              value={sort.value}
              onChange={(value) => update({ sort: value === SORTS[0]!.value ? null : value })}
              allowDeselect={false}
              w={260}
            />
            <Switch label="Registration open now" checked={openNow} onChange={(e) => update({ open: e.currentTarget.checked ? '1' : null })} mb={8} />
            <Switch label="Show archived" checked={archived} onChange={(e) => update({ archived: e.currentTarget.checked ? '1' : null })} mb={8} />
          </Group>
          <div role="group" aria-labelledby="campaign-status-filter">
            <Text size="sm" fw={500} id="campaign-status-filter" mb={6}>
              Status
            </Text>
            <Chip.Group multiple value={statuses} onChange={(value) => update({ status: value })}>
              <Group gap="xs">
                {CAMPAIGN_STATUSES.map((s) => (
                  <Chip key={s} value={s} size="sm" color={CAMPAIGN_STATUS[s].color} variant="outline">
                    {t(CAMPAIGN_STATUS[s].label)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>

          {error && !data ? (
            <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          ) : !data && fetching ? (
            <LoadingState label="Loading campaigns…" />
          ) : rows.length === 0 ? (
            <EmptyBlock
              title={filtered ? 'No campaigns match these filters' : 'No campaigns yet'}
              description={filtered ? 'Clear a filter or try another name.' : 'Create a campaign, publish it, and sellers can register products.'}
              icon={<IconSpeakerphone aria-hidden />}
            >
              {!filtered && (
                <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden />} mt="sm">
                  Create your first campaign
                </Button>
              )}
            </EmptyBlock>
          ) : (
            <div style={{ position: 'relative' }}>
              <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              <Table.ScrollContainer minWidth={960}>
                <Table highlightOnHover verticalSpacing="sm" aria-busy={fetching} data-testid="campaign-table">
                  <VisuallyHidden component="caption">Campaigns</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Campaign</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Campaign period</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Min. commission
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Registrations
                      </Table.Th>
                      <Table.Th scope="col">Created</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(({ node: c }) => {
                      const tz = marketTimeZone(c.market);
                      const counts = c.registrationCounts;
                      return (
                        <Table.Tr key={c.id} data-testid="campaign-row">
                          <Table.Td>
                            <Stack gap={4}>
                              <Anchor component={Link} to={c.id} fw={600} size="sm">
                                {c.name}
                              </Anchor>
                              <Group gap={6}>
                                <MarketBadge market={c.market} />
                                {c.archivedAt && (
                                  <Badge variant="light" color="gray" radius="sm" tt="none">
                                    Archived
                                  </Badge>
                                )}
                              </Group>
                            </Stack>
                          </Table.Td>
                          <Table.Td miw={150}>
                            {/* Badges wrap rather than truncate when the column is narrow (a Group would cap
                                each child at its share of the row; the cell keeps room for the widest badge). */}
                            <Group gap={6} wrap="wrap" preventGrowOverflow={false}>
                              <CampaignStatusBadge status={c.status} />
                              {c.pendingChange && (
                                <Tooltip label={`An edit applies at ${formatDateTime(c.pendingChange.appliesAt, tz)}`} withArrow>
                                  <Badge variant="light" color="orange" radius="sm" tt="none" leftSection={<IconClockHour4 size={12} aria-hidden />}>
                                    Change pending
                                  </Badge>
                                </Tooltip>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatPeriodDates(c.campaignStart, c.campaignEnd, tz)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {c.status === 'CLOSED'
                                ? 'Registration closed'
                                : c.registrationOpen
                                  ? `Registration open until ${formatDateTime(c.registrationEnd, tz, { withZone: false })}`
                                  : `Registration ${c.status === 'READY' || c.status === 'UPCOMING' ? 'opens at start' : 'closed'}`}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {formatRate(c.commissionRequirementBps)}
                          </Table.Td>
                          <Table.Td ta="right">
                            {counts ? (
                              <Stack gap={0} align="flex-end">
                                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="registration-total">
                                  {formatCount(counts.total)}
                                </Text>
                                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                  {counts.pending > 0 ? (
                                    <Text span c="yellow" fw={600} inherit>
                                      {formatCount(counts.pending)} to review
                                    </Text>
                                  ) : (
                                    '0 to review'
                                  )}{' '}
                                  · {formatCount(counts.approved)} ongoing
                                </Text>
                              </Stack>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c="dimmed">
                              {formatDateTime(c.createdAt, tz, { withZone: false })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <CampaignRowActions campaign={c} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
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
                label="Campaign pages"
              />
            </div>
          )}
        </Stack>
      </Card>
      <Box mt="lg">
        <MyScorecardCard />
      </Box>
    </>
  );
}
