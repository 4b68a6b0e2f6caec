/**
 * A campaign's registrations for review: filters (posted content and registration days too), sort, keyset pages,
 * multi-select with bulk approve / reject / reject forever and bulk cancellation decisions (per-item results),
 * bookmarks, history. Live: every
 * status change of this campaign (a new registration too) refetches the visible page.
 */
import {
  ActionIcon,
  Avatar,
  Button,
  Card,
  Checkbox,
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
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkFilled, IconCheck, IconHistory, IconPackage, IconSearch, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnsweredRows } from '../../../features/registrations/useAnsweredRows';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { RateInput } from '../../../features/campaigns/RateInput';
import { PRODUCT_CATEGORIES } from '../../../features/registrations/categories';
import { RegistrationHistoryDrawer } from '../../../features/registrations/RegistrationHistoryDrawer';
import {
  buildRegistrationFilter,
  REGISTRATION_SORTS,
  type ContentFilter,
  type RegistrationFilterValues,
} from '../../../features/registrations/registrationFilters';
import { REGISTRATION_STATUS, REGISTRATION_STATUSES } from '../../../features/registrations/registrationStatus';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { REJECT_REASON_LABEL } from '../../../features/registrations/rejectReasons';
import { useRegistrationEvents, type RegistrationStatusChange } from '../../../features/registrations/useRegistrationEvents';
import {
  BookmarkSetDocument,
  CampaignRegistrationsDocument,
  RegistrationCancellationDecideDocument,
  RegistrationCancellationsDecideDocument,
  RegistrationReviewDocument,
  type CampaignRegistrationsQuery,
  type AgencyCampaignQuery,
  type RejectReason,
  type ReviewDecision,
} from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDate, formatDateTime, formatMoneyOrDash, formatRate, formatRating } from '../../../lib/format';
import { formatTime } from '../../../lib/formatTime';
import { CancellationDecideDialog } from './CancellationDecideDialog';
import { ReviewDialog } from './ReviewDialog';
import { ReviewResults, type ReviewOutcome } from './ReviewResults';
import { ScorecardButton } from '../../../features/insight/ScorecardButton';

const PAGE_SIZE = 20;
const FLASH_MS = 4_000;

type Row = CampaignRegistrationsQuery['registrations']['edges'][number]['node'];
type RegistrationCounts = NonNullable<NonNullable<AgencyCampaignQuery['campaign']>['registrationCounts']>;

const COUNT_KEY: Record<string, keyof RegistrationCounts> = {
  PENDING: 'pending',
  APPROVED: 'approved',
  PENDING_CLOSED: 'pendingClosed',
  CLOSED: 'closed',
  REJECTED: 'rejected',
  REJECT_FOREVER: 'rejectForever',
  WITHDRAWN: 'withdrawn',
};

const VERB: Record<ReviewDecision | 'CLOSE' | 'KEEP', string> = {
  APPROVE: 'approved',
  REJECT: 'rejected',
  REJECT_FOREVER: 'rejected forever',
  CLOSE: 'closed (cancellation approved)',
  KEEP: 'kept ongoing (cancellation declined)',
};

export interface CampaignRegistrationsPanelProps {
  campaignId: string;
  currency: string;
  timeZone: string;
  counts: RegistrationCounts | null;
  filters: RegistrationFilterValues;
  onFiltersChange: (next: RegistrationFilterValues) => void;
  /** A registration changed (live or by this screen): the campaign's counts are stale. */
  onChanged: () => void;
}

/** Two inputs under one visible label (min – max), with one error line. */
function RangeField({ label, error, children }: { label: string; error?: string; children: [ReactNode, ReactNode] }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <Text size="sm" fw={500} id={id} mb={2}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" align="center">
        {children[0]}
        <Text c="dimmed" aria-hidden>
          –
        </Text>
        {children[1]}
      </Group>
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}

function ProductCell({ row }: { row: Row }) {
  const p = row.product;
  const shop = row.shop;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={p?.imageUrl} alt="" radius="sm" size={40} color="indigo">
        <IconPackage size={18} aria-hidden />
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} lineClamp={2}>
          {p?.title ?? 'Product not visible'}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {shop?.name ?? '—'}
          {shop?.shopCode ? ` (${shop.shopCode})` : ''}
          {shop?.rating !== null && shop?.rating !== undefined ? ` · ★ ${formatRating(shop.rating)}` : ''} · {p?.category}
        </Text>
        {shop && <ScorecardButton id={shop.id} name={shop.name ?? shop.shopCode ?? ''} />}
      </Stack>
    </Group>
  );
}

export function CampaignRegistrationsPanel({ campaignId, currency, timeZone, counts, filters, onFiltersChange, onChanged }: CampaignRegistrationsPanelProps) {
  const [search, setSearch] = useState(filters.search);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [sortValue, setSortValue] = useState(REGISTRATION_SORTS[0]!.value);
  const sort = REGISTRATION_SORTS.find((s) => s.value === sortValue) ?? REGISTRATION_SORTS[0]!;
  const effectiveFilters = { ...filters, search: debouncedSearch };
  const built = buildRegistrationFilter(effectiveFilters, campaignId, currency, timeZone);
  const pager = usePager(JSON.stringify([built.filter, sort.value]));

  const [{ data, fetching, error }, refetch] = useQuery({
    query: CampaignRegistrationsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, filter: built.filter, sort: { field: sort.field, direction: sort.direction } },
  });
  const fetchedRows = useMemo(() => data?.registrations.edges.map((e) => e.node) ?? [], [data]);
  // A review's or a decision's answer shows on its rows at once; the refetch that follows confirms it.
  const [rows, showAnswers] = useAnsweredRows(fetchedRows);
  const connection = data?.registrations;

  // Live: refetch the page (and the counts) on every change in this campaign; flash the rows that changed.
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const flashTimers = useRef<number[]>([]);
  useEffect(() => () => flashTimers.current.forEach((t) => window.clearTimeout(t)), []);
  const [lastEventAt, setLastEventAt] = useState<string | null>(null);
  const onEvent = useCallback(
    (change: RegistrationStatusChange | null) => {
      refetch({ requestPolicy: 'network-only' });
      onChanged();
      if (!change) return;
      setLastEventAt(change.at);
      const id = change.registration?.id;
      if (id) {
        setFlash((f) => new Set(f).add(id));
        flashTimers.current.push(
          window.setTimeout(
            () =>
              setFlash((f) => {
                const next = new Set(f);
                next.delete(id);
                return next;
              }),
            FLASH_MS,
          ),
        );
      }
    },
    [refetch, onChanged],
  );
  useRegistrationEvents(onEvent, campaignId);

  // Selection: pending rows (to review) and cancellation requests (to decide) of the visible page only; a new
  // page, filter or sort starts empty.
  const pageKey = JSON.stringify([built.filter, sort.value, pager.after]);
  const [selectionState, setSelectionState] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: pageKey, ids: new Set() });
  const selected: ReadonlySet<string> = selectionState.key === pageKey ? selectionState.ids : new Set();
  const setSelected = (ids: ReadonlySet<string>) => setSelectionState({ key: pageKey, ids });
  const selectable = rows.filter((r) => r.status === 'PENDING' || r.status === 'PENDING_CLOSED').map((r) => r.id);
  const selection = rows.filter((r) => r.status === 'PENDING' && selected.has(r.id)).map((r) => r.id);
  const closingSelection = rows.filter((r) => r.status === 'PENDING_CLOSED' && selected.has(r.id)).map((r) => r.id);
  const anySelected = selection.length + closingSelection.length;
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allSelected = selectable.length > 0 && anySelected === selectable.length;

  // Review.
  const [{ fetching: reviewing }, review] = useMutation(RegistrationReviewDocument);
  const [rejecting, setRejecting] = useState<{ decision: 'REJECT' | 'REJECT_FOREVER'; ids: string[] } | null>(null);
  const [results, setResults] = useState<{ verb: string; outcomes: ReviewOutcome[] } | null>(null);
  const titleOf = (id: string) => rows.find((r) => r.id === id)?.product?.title ?? 'Registration';

  const [{ fetching: decidingMany }, decideManyMutation] = useMutation(RegistrationCancellationsDecideDocument);
  const runReview = async (ids: string[], decision: ReviewDecision | 'CLOSE' | 'KEEP', reason: RejectReason | null = null, note: string | null = null) => {
    const result =
      decision === 'CLOSE' || decision === 'KEEP'
        ? await decideManyMutation({ input: { ids, approve: decision === 'CLOSE' } })
        : await review({ input: { ids, decision, reason, note } });
    setRejecting(null);
    const data = result.data;
    const payload = data && ('registrationReview' in data ? data.registrationReview : data.registrationCancellationsDecide);
    const problem = result.error ? describeError(result.error) : payload?.userErrors[0]?.message;
    if (problem || !payload) {
      notifications.show({ color: 'red', title: 'Nothing was changed', message: problem ?? 'No answer from the server.' });
      return;
    }
    // One row that succeeded needs no report: its badge changes in place (and the row flashes).
    const singleOk = payload.results.length === 1 && payload.results[0]!.userErrors.length === 0;
    setResults(singleOk ? null : {
      verb: VERB[decision],
      outcomes: payload.results.map((r) => ({
        id: r.id,
        title: titleOf(r.id),
        ok: r.userErrors.length === 0,
        message: r.userErrors.length === 0 ? REGISTRATION_STATUS[r.registration?.status ?? 'PENDING'].label : r.userErrors.map((e) => e.message).join(' '),
      })),
    });
    showAnswers(payload.results.flatMap((r) => (r.registration ? [r.registration] : [])));
    setSelected(new Set());
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  // Bookmarks and cancellation decisions.
  const [, setBookmark] = useMutation(BookmarkSetDocument);
  const bookmark = async (row: Row) => {
    const result = await setBookmark({ input: { registrationId: row.id, bookmarked: !row.bookmarked } });
    const problem = result.error ? describeError(result.error) : result.data?.bookmarkSet.userErrors[0]?.message;
    if (problem) notifications.show({ color: 'red', title: 'Bookmark not saved', message: problem });
    else if (filters.bookmarkedOnly) refetch({ requestPolicy: 'network-only' });
  };
  const [{ fetching: decidingBusy }, decideMutation] = useMutation(RegistrationCancellationDecideDocument);
  const [decisionRow, setDecisionRow] = useState<Row | null>(null);
  const decide = async (approve: boolean, note: string | null) => {
    if (!decisionRow) return;
    const result = await decideMutation({ input: { id: decisionRow.id, approve, note } });
    const problem = result.error ? describeError(result.error) : result.data?.registrationCancellationDecide.userErrors[0]?.message;
    setDecisionRow(null);
    if (problem) {
      notifications.show({ color: 'red', title: 'Not decided', message: problem });
      return;
    }
    const answered = result.data?.registrationCancellationDecide.registration;
    if (answered) showAnswers([answered]);
    notifications.show({ color: 'teal', title: approve ? 'Collaboration closed' : 'Request declined', message: decisionRow.product?.title ?? '' });
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  const [historyOf, setHistoryOf] = useState<Row | null>(null);
  const set = (patch: Partial<RegistrationFilterValues>) => onFiltersChange({ ...filters, ...patch });
  const anyFilter =
    filters.statuses.length > 0 ||
    filters.bookmarkedOnly ||
    filters.category !== null ||
    filters.content !== 'ANY' ||
    Boolean(filters.minPrice || filters.maxPrice || filters.minRate || filters.maxRate || filters.registeredFrom || filters.registeredTo || debouncedSearch.trim());

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="registrations-title">
      <Group justify="space-between" align="baseline" mb="md">
        <Text component="h2" fw={700} size="lg" id="registrations-title" m={0}>
          Registered products
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="live-status">
          Live{lastEventAt ? ` · last change ${formatDateTime(lastEventAt, timeZone, { withZone: false })}` : ' · changes appear as they happen'}
        </Text>
      </Group>

      <Stack gap="sm" mb="md">
        <div role="group" aria-labelledby="registration-status-filter">
          <VisuallyHidden id="registration-status-filter">Status</VisuallyHidden>
          <Chip.Group multiple value={filters.statuses} onChange={(v) => set({ statuses: v as RegistrationFilterValues['statuses'] })}>
            <Group gap={6}>
              {REGISTRATION_STATUSES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" color={REGISTRATION_STATUS[s].color}>
                  {REGISTRATION_STATUS[s].label}
                  {counts ? ` · ${formatCount(counts[COUNT_KEY[s]!] as number)}` : ''}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Product or shop"
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              set({ search: e.currentTarget.value });
            }}
            w={220}
          />
          <Select
            label="Category"
            placeholder="All categories"
            clearable
            searchable
            data={PRODUCT_CATEGORIES as string[]}
            value={filters.category}
            onChange={(v) => set({ category: v })}
            w={220}
          />
          <RangeField label={`Price (${currency})`} error={built.errors.minPrice ?? built.errors.maxPrice}>
            <TextInput aria-label="Minimum price" placeholder="Min" inputMode="decimal" value={filters.minPrice} onChange={(e) => set({ minPrice: e.currentTarget.value })} error={Boolean(built.errors.minPrice)} w={96} />
            <TextInput aria-label="Maximum price" placeholder="Max" inputMode="decimal" value={filters.maxPrice} onChange={(e) => set({ maxPrice: e.currentTarget.value })} error={Boolean(built.errors.maxPrice)} w={96} />
          </RangeField>
          <RangeField label="Total rate" error={built.errors.minRate ?? built.errors.maxRate}>
            <RateInput aria-label="Minimum total rate" placeholder="Min" value={filters.minRate} onChange={(t) => set({ minRate: t })} error={Boolean(built.errors.minRate)} w={90} />
            <RateInput aria-label="Maximum total rate" placeholder="Max" value={filters.maxRate} onChange={(t) => set({ maxRate: t })} error={Boolean(built.errors.maxRate)} w={90} />
          </RangeField>
          <Select
            label="Posted content"
            data={[
              { value: 'ANY', label: 'Any' },
              { value: 'WITH', label: 'With content' },
              { value: 'WITHOUT', label: 'No content yet' },
            ]}
            value={filters.content}
            onChange={(v) => set({ content: (v ?? 'ANY') as ContentFilter })}
            allowDeselect={false}
            w={160}
          />
          <RangeField label="Registered (days)" error={built.errors.registeredTo}>
            <TextInput aria-label="Registered from" type="date" value={filters.registeredFrom} onChange={(e) => set({ registeredFrom: e.currentTarget.value })} w={150} />
            <TextInput aria-label="Registered until" type="date" value={filters.registeredTo} onChange={(e) => set({ registeredTo: e.currentTarget.value })} error={Boolean(built.errors.registeredTo)} w={150} />
          </RangeField>
          <Select
            label="Sort by"
            data={REGISTRATION_SORTS.map(({ value, label }) => ({ value, label }))}
            value={sortValue}
            onChange={(v) => v && setSortValue(v)}
            allowDeselect={false}
            w={230}
          />
          <Switch label="Bookmarked only" checked={filters.bookmarkedOnly} onChange={(e) => set({ bookmarkedOnly: e.currentTarget.checked })} mt={32} />
        </Group>
      </Stack>

      {results && <ReviewResults verb={results.verb} outcomes={results.outcomes} onClose={() => setResults(null)} />}

      <Group
        justify="space-between"
        py="xs"
        px="sm"
        my="sm"
        bg={anySelected ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default-hover)'}
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
        data-testid="bulk-bar"
      >
        <Text size="sm" fw={500} aria-live="polite">
          {anySelected ? `${anySelected} selected` : 'Select pending registrations or cancellation requests to decide several at once'}
        </Text>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} disabled={!selection.length} loading={reviewing && !rejecting} onClick={() => void runReview(selection, 'APPROVE')}>
            Approve
          </Button>
          <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} aria-hidden />} disabled={!selection.length} onClick={() => setRejecting({ decision: 'REJECT', ids: selection })}>
            Reject…
          </Button>
          <Button size="xs" color="red" variant="subtle" disabled={!selection.length} onClick={() => setRejecting({ decision: 'REJECT_FOREVER', ids: selection })}>
            Reject forever…
          </Button>
          {closingSelection.length > 0 && (
            <>
              <Button size="xs" color="orange" loading={decidingMany} onClick={() => void runReview(closingSelection, 'CLOSE')}>
                Approve {closingSelection.length} cancellation{closingSelection.length === 1 ? '' : 's'}
              </Button>
              <Button size="xs" variant="default" loading={decidingMany} onClick={() => void runReview(closingSelection, 'KEEP')}>
                Decline
              </Button>
            </>
          )}
          {anySelected > 0 && (
            <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
          )}
        </Group>
      </Group>

      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data && fetching ? (
        <LoadingState label="Loading registrations…" />
      ) : rows.length === 0 ? (
        <EmptyBlock
          title={anyFilter ? 'No registrations match these filters' : 'No products registered yet'}
          description={anyFilter ? 'Clear a filter to see more.' : 'Once the campaign is published and running, registrations appear here as sellers make them.'}
          icon={<IconPackage aria-hidden />}
        />
      ) : (
        <div style={{ position: 'relative' }}>
          <LoadingOverlay visible={fetching && !reviewing} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="registration-table" aria-busy={fetching} styles={{ th: { whiteSpace: 'nowrap' } }}>
              <VisuallyHidden component="caption">Registered products</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select all pending and cancellation requests on this page"
                      checked={allSelected}
                      indeterminate={anySelected > 0 && !allSelected}
                      disabled={selectable.length === 0}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(selectable))}
                    />
                  </Table.Th>
                  <Table.Th scope="col">Product and shop</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Price
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Total rate
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Samples
                  </Table.Th>
                  <Table.Th scope="col">Registered</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const title = row.product?.title ?? 'registration';
                  return (
                    <Table.Tr
                      key={row.id}
                      data-testid="registration-row"
                      data-status={row.status}
                      data-flash={flash.has(row.id) || undefined}
                      bg={flash.has(row.id) ? 'var(--mantine-color-yellow-light)' : selected.has(row.id) ? 'var(--mantine-color-indigo-light)' : undefined}
                      style={{ transition: 'background-color 600ms ease' }}
                    >
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${title}`}
                          checked={selected.has(row.id)}
                          disabled={row.status !== 'PENDING' && row.status !== 'PENDING_CLOSED'}
                          onChange={() => toggle(row.id)}
                        />
                      </Table.Td>
                      {/* The product takes the room the other columns leave, so the actions are never clipped at 1280 px and up. */}
                      <Table.Td miw={220}>
                        <ProductCell row={row} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {formatMoneyOrDash(row.product?.price)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        <Text size="sm" fw={600}>
                          {row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—'}
                        </Text>
                        {row.shopAdsRateBps !== null && (
                          <Text size="xs" c="dimmed">
                            ads {formatRate(row.shopAdsRateBps)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {row.sampleQuota !== null ? formatCount(row.sampleQuota) : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(row.registeredAt, timeZone)}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatTime(row.registeredAt, timeZone)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2} align="flex-start">
                          <RegistrationStatusBadge status={row.status} />
                          {row.rejectReason && (
                            <Text size="xs" c="dimmed">
                              {REJECT_REASON_LABEL[row.rejectReason]}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {/* Stacked, so that every action fits at 1280 px without the table scrolling sideways. */}
                        <Stack gap={4} align="flex-end">
                          {row.status === 'PENDING' && (
                            <>
                              <Button size="compact-xs" variant="light" onClick={() => void runReview([row.id], 'APPROVE')} aria-label={`Approve ${title}`}>
                                Approve
                              </Button>
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRejecting({ decision: 'REJECT', ids: [row.id] })} aria-label={`Reject ${title}`}>
                                Reject
                              </Button>
                            </>
                          )}
                          {row.status === 'PENDING_CLOSED' && (
                            <Button size="compact-xs" variant="light" color="orange" onClick={() => setDecisionRow(row)} aria-label={`Decide the cancellation request for ${title}`}>
                              Decide…
                            </Button>
                          )}
                          <Group gap={4} wrap="nowrap">
                          <Tooltip label={row.bookmarked ? 'Remove bookmark' : 'Bookmark'} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={row.bookmarked ? 'yellow' : 'gray'}
                              aria-label={`Bookmark ${title}`}
                              aria-pressed={row.bookmarked ?? false}
                              onClick={() => void bookmark(row)}
                            >
                              {row.bookmarked ? <IconBookmarkFilled size={18} aria-hidden /> : <IconBookmark size={18} aria-hidden />}
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="History" withArrow>
                            <ActionIcon variant="subtle" color="gray" aria-label={`History of ${title}`} onClick={() => setHistoryOf(row)}>
                              <IconHistory size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          </Group>
                        </Stack>
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
            label="Registration pages"
          />
        </div>
      )}

      <ReviewDialog
        decision={rejecting?.decision ?? null}
        subject={rejecting ? (rejecting.ids.length === 1 ? `“${titleOf(rejecting.ids[0]!)}”` : `${rejecting.ids.length} registrations`) : ''}
        busy={reviewing}
        onConfirm={(reason, note) => rejecting && void runReview(rejecting.ids, rejecting.decision, reason, note)}
        onClose={() => setRejecting(null)}
      />
      <CancellationDecideDialog
        registrationId={decisionRow?.id ?? null}
        productTitle={decisionRow ? (decisionRow.product?.title ?? 'this product') : null}
        busy={decidingBusy}
        onDecide={(approve, note) => void decide(approve, note)}
        onClose={() => setDecisionRow(null)}
      />
      <RegistrationHistoryDrawer
        registrationId={historyOf?.id ?? null}
        title={historyOf?.product?.title ?? ''}
        timeZone={timeZone}
        onClose={() => setHistoryOf(null)}
      />
    </Card>
  );
}
