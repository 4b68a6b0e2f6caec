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
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDate, formatDateTime, formatMoneyOrDash, formatRate, formatRating } from '../../../lib/format';
import { formatTime } from '../../../lib/formatTime';
import { CancellationDecideDialog } from './CancellationDecideDialog';
import { ReviewDialog } from './ReviewDialog';
import { categoryLabel, categoryOptions } from '../../../features/registrations/categoryOptions';
import { ReviewResults, type ReviewOutcome } from './ReviewResults';
import { ScorecardButton } from '../../../features/insight/ScorecardButton';
import { DateField } from '../../../components/dates/DateField';

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

/** The bulk review's summary, one ICU message per decision (counts and word order are each language's). */
const SUMMARY: Record<ReviewDecision | 'CLOSE' | 'KEEP', MessageKey> = {
  APPROVE: 'campaigns.registrations.result.approved',
  REJECT: 'campaigns.registrations.result.rejected',
  REJECT_FOREVER: 'campaigns.registrations.result.rejectedForever',
  CLOSE: 'campaigns.registrations.result.closed',
  KEEP: 'campaigns.registrations.result.kept',
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
  const t = useT();
  const p = row.product;
  const shop = row.shop;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={p?.imageUrl} alt="" radius="sm" size={40} color="indigo">
        <IconPackage size={18} aria-hidden />
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} lineClamp={2}>
          {p?.title ?? t('campaigns.registrations.productHidden')}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {shop?.name ?? '—'}
          {shop?.shopCode ? ` (${shop.shopCode})` : ''}
          {shop?.rating !== null && shop?.rating !== undefined ? ` · ★ ${formatRating(shop.rating)}` : ''} · {p?.category ? categoryLabel(t, p.category) : ''}
        </Text>
        {shop && <ScorecardButton id={shop.id} name={shop.name ?? shop.shopCode ?? ''} />}
      </Stack>
    </Group>
  );
}

export function CampaignRegistrationsPanel({ campaignId, currency, timeZone, counts, filters, onFiltersChange, onChanged }: CampaignRegistrationsPanelProps) {
  const t = useT();
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
  useEffect(() => () => flashTimers.current.forEach((timer) => window.clearTimeout(timer)), []);
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
  const [results, setResults] = useState<{ summary: MessageKey; outcomes: ReviewOutcome[] } | null>(null);
  const titleOf = (id: string) => rows.find((r) => r.id === id)?.product?.title ?? t('campaigns.registrations.registration');

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
      notifications.show({ color: 'red', title: t('campaigns.registrations.nothingChanged'), message: problem ?? t('campaigns.noAnswer') });
      return;
    }
    // One row that succeeded needs no report: its badge changes in place (and the row flashes).
    const singleOk = payload.results.length === 1 && payload.results[0]!.userErrors.length === 0;
    setResults(singleOk ? null : {
      summary: SUMMARY[decision],
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
    if (problem) notifications.show({ color: 'red', title: t('campaigns.registrations.bookmarkFailed'), message: problem });
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
      notifications.show({ color: 'red', title: t('campaigns.registrations.notDecided'), message: problem });
      return;
    }
    const answered = result.data?.registrationCancellationDecide.registration;
    if (answered) showAnswers([answered]);
    notifications.show({ color: 'teal', title: approve ? t('campaigns.registrations.collaborationClosed') : t('campaigns.registrations.requestDeclined'), message: decisionRow.product?.title ?? '' });
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
          {t('campaigns.registrations.title')}
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="live-status">
          {lastEventAt
            ? t('campaigns.registrations.liveLastChange', { time: formatDateTime(lastEventAt, timeZone, { withZone: false }) })
            : t('campaigns.registrations.live')}
        </Text>
      </Group>

      <Stack gap="sm" mb="md">
        <div role="group" aria-labelledby="registration-status-filter">
          <VisuallyHidden id="registration-status-filter">{t('campaigns.list.status')}</VisuallyHidden>
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
            label={t('campaigns.list.search')}
            placeholder={t('campaigns.registrations.searchPlaceholder')}
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
            label={t('campaigns.registrations.category')}
            placeholder={t('campaigns.registrations.allCategories')}
            clearable
            searchable
            data={categoryOptions(t)}
            value={filters.category}
            onChange={(v) => set({ category: v })}
            w={220}
          />
          <RangeField label={t('campaigns.registrations.priceIn', { currency })} error={built.errors.minPrice ?? built.errors.maxPrice}>
            <TextInput aria-label={t('campaigns.registrations.minPrice')} placeholder={t('campaigns.registrations.min')} inputMode="decimal" value={filters.minPrice} onChange={(e) => set({ minPrice: e.currentTarget.value })} error={Boolean(built.errors.minPrice)} w={104} />
            <TextInput aria-label={t('campaigns.registrations.maxPrice')} placeholder={t('campaigns.registrations.max')} inputMode="decimal" value={filters.maxPrice} onChange={(e) => set({ maxPrice: e.currentTarget.value })} error={Boolean(built.errors.maxPrice)} w={104} />
          </RangeField>
          <RangeField label={t('campaigns.registrations.totalRate')} error={built.errors.minRate ?? built.errors.maxRate}>
            <RateInput aria-label={t('campaigns.registrations.minRate')} placeholder={t('campaigns.registrations.min')} value={filters.minRate} onChange={(text) => set({ minRate: text })} error={Boolean(built.errors.minRate)} w={112} />
            <RateInput aria-label={t('campaigns.registrations.maxRate')} placeholder={t('campaigns.registrations.max')} value={filters.maxRate} onChange={(text) => set({ maxRate: text })} error={Boolean(built.errors.maxRate)} w={112} />
          </RangeField>
          <Select
            label={t('campaigns.registrations.content')}
            data={[
              { value: 'ANY', label: t('campaigns.registrations.contentAny') },
              { value: 'WITH', label: t('campaigns.registrations.contentWith') },
              { value: 'WITHOUT', label: t('campaigns.registrations.contentWithout') },
            ]}
            value={filters.content}
            onChange={(v) => set({ content: (v ?? 'ANY') as ContentFilter })}
            allowDeselect={false}
            w={160}
          />
          <RangeField label={t('campaigns.registrations.registeredDays')} error={built.errors.registeredTo}>
            <DateField aria-label={t('campaigns.registrations.registeredFrom')} value={filters.registeredFrom} onChange={(registeredFrom) => set({ registeredFrom })} w={170} />
            <DateField aria-label={t('campaigns.registrations.registeredUntil')} value={filters.registeredTo} onChange={(registeredTo) => set({ registeredTo })} error={Boolean(built.errors.registeredTo)} w={170} />
          </RangeField>
          <Select
            label={t('campaigns.list.sortBy')}
            data={REGISTRATION_SORTS.map(({ value, label }) => ({ value, label: t(label) }))}
            value={sortValue}
            onChange={(v) => v && setSortValue(v)}
            allowDeselect={false}
            w={300}
          />
          <Switch label={t('campaigns.registrations.bookmarkedOnly')} checked={filters.bookmarkedOnly} onChange={(e) => set({ bookmarkedOnly: e.currentTarget.checked })} mt={32} />
        </Group>
      </Stack>

      {results && <ReviewResults summary={results.summary} outcomes={results.outcomes} onClose={() => setResults(null)} />}

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
          {anySelected ? t('campaigns.registrations.selected', { count: anySelected }) : t('campaigns.registrations.selectHint')}
        </Text>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} disabled={!selection.length} loading={reviewing && !rejecting} onClick={() => void runReview(selection, 'APPROVE')}>
            {t('campaigns.registrations.approve')}
          </Button>
          <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} aria-hidden />} disabled={!selection.length} onClick={() => setRejecting({ decision: 'REJECT', ids: selection })}>
            {t('campaigns.registrations.rejectMenu')}
          </Button>
          <Button size="xs" color="red" variant="subtle" disabled={!selection.length} onClick={() => setRejecting({ decision: 'REJECT_FOREVER', ids: selection })}>
            {t('campaigns.registrations.rejectForeverMenu')}
          </Button>
          {closingSelection.length > 0 && (
            <>
              <Button size="xs" color="orange" loading={decidingMany} onClick={() => void runReview(closingSelection, 'CLOSE')}>
                {t('campaigns.registrations.approveCancellations', { count: closingSelection.length })}
              </Button>
              <Button size="xs" variant="default" loading={decidingMany} onClick={() => void runReview(closingSelection, 'KEEP')}>
                {t('campaigns.registrations.decline')}
              </Button>
            </>
          )}
          {anySelected > 0 && (
            <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
              {t('campaigns.registrations.clear')}
            </Button>
          )}
        </Group>
      </Group>

      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data && fetching ? (
        <LoadingState label={t('campaigns.registrations.loading')} />
      ) : rows.length === 0 ? (
        <EmptyBlock
          title={anyFilter ? t('campaigns.registrations.noMatch') : t('campaigns.registrations.empty')}
          description={anyFilter ? t('campaigns.registrations.noMatchHint') : t('campaigns.registrations.emptyHint')}
          icon={<IconPackage aria-hidden />}
        />
      ) : (
        <div style={{ position: 'relative' }}>
          <LoadingOverlay visible={fetching && !reviewing} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="registration-table" aria-busy={fetching} styles={{ th: { whiteSpace: 'nowrap' } }}>
              <VisuallyHidden component="caption">{t('campaigns.registrations.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('campaigns.registrations.selectAll')}
                      checked={allSelected}
                      indeterminate={anySelected > 0 && !allSelected}
                      disabled={selectable.length === 0}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(selectable))}
                    />
                  </Table.Th>
                  <Table.Th scope="col">{t('campaigns.registrations.col.product')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaigns.registrations.col.price')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaigns.registrations.totalRate')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaigns.registrations.col.samples')}
                  </Table.Th>
                  <Table.Th scope="col">{t('campaigns.detail.tile.registered')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.list.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('campaigns.list.col.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const title = row.product?.title ?? t('campaigns.registrations.thisRegistration');
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
                          aria-label={t('campaigns.registrations.select', { title })}
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
                            {t('campaigns.registrations.ads', { rate: formatRate(row.shopAdsRateBps) })}
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
                              <Button size="compact-xs" variant="light" onClick={() => void runReview([row.id], 'APPROVE')} aria-label={t('campaigns.registrations.approveOne', { title })}>
                                {t('campaigns.registrations.approve')}
                              </Button>
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRejecting({ decision: 'REJECT', ids: [row.id] })} aria-label={t('campaigns.registrations.rejectOne', { title })}>
                                {t('campaigns.review.reject')}
                              </Button>
                            </>
                          )}
                          {row.status === 'PENDING_CLOSED' && (
                            <Button size="compact-xs" variant="light" color="orange" onClick={() => setDecisionRow(row)} aria-label={t('campaigns.registrations.decideOne', { title })}>
                              {t('campaigns.registrations.decide')}
                            </Button>
                          )}
                          <Group gap={4} wrap="nowrap">
                          <Tooltip label={row.bookmarked ? t('campaigns.registrations.unbookmark') : t('campaigns.registrations.bookmark')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={row.bookmarked ? 'yellow' : 'gray'}
                              aria-label={t('campaigns.registrations.bookmarkOne', { title })}
                              aria-pressed={row.bookmarked ?? false}
                              onClick={() => void bookmark(row)}
                            >
                              {row.bookmarked ? <IconBookmarkFilled size={18} aria-hidden /> : <IconBookmark size={18} aria-hidden />}
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('campaigns.registrationHistory.title')} withArrow>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('campaigns.registrations.historyOf', { title })} onClick={() => setHistoryOf(row)}>
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
            label={t('campaigns.registrations.pages')}
          />
        </div>
      )}

      <ReviewDialog
        decision={rejecting?.decision ?? null}
        subject={
          rejecting
            ? rejecting.ids.length === 1
              ? t('campaigns.registrations.quoted', { title: titleOf(rejecting.ids[0]!) })
              : t('campaigns.registrations.count', { count: rejecting.ids.length })
            : ''
        }
        busy={reviewing}
        onConfirm={(reason, note) => rejecting && void runReview(rejecting.ids, rejecting.decision, reason, note)}
        onClose={() => setRejecting(null)}
      />
      <CancellationDecideDialog
        registrationId={decisionRow?.id ?? null}
        productTitle={decisionRow ? (decisionRow.product?.title ?? t('campaigns.registrations.thisProduct')) : null}
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
