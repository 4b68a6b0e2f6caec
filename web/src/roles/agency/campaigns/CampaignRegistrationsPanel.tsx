/**
 * A campaign's registrations for review: filters (posted content and registration days too), sort, keyset pages,
 * multi-select with bulk approve / reject / reject forever and bulk cancellation decisions (per-item results),
 * bookmarks, history. Live: every
 * status change of this campaign (a new registration too) refetches the visible page.
 */
import { Card, Checkbox, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackage } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { useFlash } from '../../../features/samples/useFlash';
import { useAnsweredRows } from './useAnsweredRows';
import { RegistrationHistoryDrawer } from '../../../features/registrations/RegistrationHistoryDrawer';
import { buildRegistrationFilter, REGISTRATION_SORTS, type RegistrationFilterValues } from './registrationFilterValues';
import { useRegistrationEvents, type RegistrationStatusChange } from '../../../features/registrations/useRegistrationEvents';
import { CampaignRegistrationsDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatDateTime } from '../../../lib/format';
import { CancellationDecideDialog } from './CancellationDecideDialog';
import { RegistrationBulkBar } from './RegistrationBulkBar';
import { RegistrationFilters, type RegistrationCounts } from './RegistrationFilters';
import type { RegistrationRowData } from './RegistrationProductCell';
import { RegistrationRow } from './RegistrationRow';
import { ReviewDialog } from './ReviewDialog';
import { ReviewResults } from './ReviewResults';
import { usePageSelection } from './usePageSelection';
import { useRegistrationDecisions } from './useRegistrationDecisions';

const PAGE_SIZE = 20;

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
  const { flashing, flash } = useFlash();
  const [lastEventAt, setLastEventAt] = useState<string | null>(null);
  const onEvent = useCallback(
    (change: RegistrationStatusChange | null) => {
      refetch({ requestPolicy: 'network-only' });
      onChanged();
      if (!change) return;
      setLastEventAt(change.at);
      const id = change.registration?.id;
      if (id) flash(id);
    },
    [refetch, onChanged, flash],
  );
  useRegistrationEvents(onEvent, campaignId);

  // Selection: pending rows (to review) and cancellation requests (to decide) of the visible page only; a new
  // page, filter or sort starts empty.
  const { selected, setSelected, toggle } = usePageSelection(JSON.stringify([built.filter, sort.value, pager.after]));
  const selectable = rows.filter((r) => r.status === 'PENDING' || r.status === 'PENDING_CLOSED').map((r) => r.id);
  const selection = rows.filter((r) => r.status === 'PENDING' && selected.has(r.id)).map((r) => r.id);
  const closingSelection = rows.filter((r) => r.status === 'PENDING_CLOSED' && selected.has(r.id)).map((r) => r.id);
  const anySelected = selection.length + closingSelection.length;
  const allSelected = selectable.length > 0 && anySelected === selectable.length;

  const decisions = useRegistrationDecisions({
    rows,
    showAnswers,
    onDecided: () => {
      setSelected(new Set());
      refetch({ requestPolicy: 'network-only' });
      onChanged();
    },
    onBookmarked: () => {
      if (filters.bookmarkedOnly) refetch({ requestPolicy: 'network-only' });
    },
  });
  const { rejecting, setRejecting, decisionRow, setDecisionRow, runReview } = decisions;

  const [historyOf, setHistoryOf] = useState<RegistrationRowData | null>(null);
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

      <RegistrationFilters
        filters={filters}
        onChange={set}
        errors={built.errors}
        counts={counts}
        currency={currency}
        search={search}
        onSearch={setSearch}
        sortValue={sortValue}
        onSort={setSortValue}
      />

      {decisions.results && <ReviewResults summary={decisions.results.summary} outcomes={decisions.results.outcomes} onClose={() => decisions.setResults(null)} />}

      <RegistrationBulkBar
        pending={selection.length}
        closing={closingSelection.length}
        approving={decisions.reviewing && !rejecting}
        deciding={decisions.decidingMany}
        onApprove={() => void runReview(selection, 'APPROVE')}
        onReject={(decision) => setRejecting({ decision, ids: selection })}
        onDecide={(decision) => void runReview(closingSelection, decision)}
        onClear={() => setSelected(new Set())}
      />

      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('campaigns.registrations.loading')}
        empty={
          rows.length === 0 && (
            <EmptyBlock
              title={anyFilter ? t('campaigns.registrations.noMatch') : t('campaigns.registrations.empty')}
              description={anyFilter ? t('campaigns.registrations.noMatchHint') : t('campaigns.registrations.emptyHint')}
              icon={<IconPackage aria-hidden />}
            />
          )
        }
      >
        <div style={{ position: 'relative' }}>
          <RefreshOverlay visible={fetching && !decisions.reviewing} />
          <DataTable
            caption={t('campaigns.registrations.title')}
            minWidth={880}
            nowrapHeader
            verticalSpacing="sm"
            highlightOnHover
            data-testid="registration-table"
            aria-busy={fetching}
            columns={[
              {
                w: 40,
                label: (
                  <Checkbox
                    aria-label={t('campaigns.registrations.selectAll')}
                    checked={allSelected}
                    indeterminate={anySelected > 0 && !allSelected}
                    disabled={selectable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable))}
                  />
                ),
              },
              { label: t('campaigns.registrations.col.product') },
              { label: t('campaigns.registrations.col.price'), align: 'right' },
              { label: t('campaigns.registrations.totalRate'), align: 'right' },
              { label: t('campaigns.registrations.col.samples'), align: 'right' },
              { label: t('campaigns.detail.tile.registered') },
              { label: t('campaigns.list.status') },
              { label: t('campaigns.list.col.actions'), hideLabel: true },
            ]}
          >
            {rows.map((row) => (
              <RegistrationRow
                key={row.id}
                row={row}
                timeZone={timeZone}
                flashing={flashing.has(row.id)}
                selected={selected.has(row.id)}
                onToggle={() => toggle(row.id)}
                onApprove={() => void runReview([row.id], 'APPROVE')}
                onReject={() => setRejecting({ decision: 'REJECT', ids: [row.id] })}
                onDecide={() => setDecisionRow(row)}
                onBookmark={() => void decisions.bookmark(row)}
                onHistory={() => setHistoryOf(row)}
              />
            ))}
          </DataTable>
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
            busy={fetching}
            label={t('campaigns.registrations.pages')}
          />
        </div>
      </QueryBoundary>

      <ReviewDialog
        decision={rejecting?.decision ?? null}
        subject={
          rejecting
            ? rejecting.ids.length === 1
              ? t('campaigns.registrations.quoted', { title: decisions.titleOf(rejecting.ids[0]!) })
              : t('campaigns.registrations.count', { count: rejecting.ids.length })
            : ''
        }
        busy={decisions.reviewing}
        onConfirm={(reason, note) => rejecting && void runReview(rejecting.ids, rejecting.decision, reason, note)}
        onClose={() => setRejecting(null)}
      />
      <CancellationDecideDialog
        registrationId={decisionRow?.id ?? null}
        productTitle={decisionRow ? (decisionRow.product?.title ?? t('campaigns.registrations.thisProduct')) : null}
        busy={decisions.decidingOne}
        onDecide={(approve, note) => void decisions.decide(approve, note)}
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
