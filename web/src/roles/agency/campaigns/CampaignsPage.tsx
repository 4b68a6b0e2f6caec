/** The agency's campaigns: status chips and counts, filters (status, market, search, registration open, archived),
 * sort (closing soon, commission…), keyset pages, row actions (duplicate, delete a draft, archive), live refetch. */
import {
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
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { SearchInput } from '../../../components/SearchInput';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { CAMPAIGN_STATUS, CAMPAIGN_STATUSES } from '../../../features/campaigns/campaignStatus';
import {
  AgencyCampaignsDocument,
  type CampaignSortField,
  type CampaignStatus,
  type Market,
  type SortDirection,
} from '../../../generated/graphql';
import { MARKETS } from '../../../lib/markets';
import { useRefetchOnReconnect, useViewer } from '../../../session/context';
import { useCampaignEvents } from '../../../features/campaigns/useCampaignEvents';
import { CampaignTableRow } from './CampaignTableRow';
import { useAgencyMarkets } from './useAgencyMarkets';
import { MyScorecardCard } from '../../../features/insight/ScorecardPanel';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';

const PAGE_SIZE = 20;

const SORTS: ReadonlyArray<{ value: string; label: MessageKey; field: CampaignSortField; direction: SortDirection }> = [
  { value: 'created-desc', label: 'campaigns.list.sort.newest', field: 'CREATED', direction: 'DESC' },
  { value: 'created-asc', label: 'campaigns.list.sort.oldest', field: 'CREATED', direction: 'ASC' },
  { value: 'start-asc', label: 'campaigns.list.sort.startEarliest', field: 'START', direction: 'ASC' },
  { value: 'start-desc', label: 'campaigns.list.sort.startLatest', field: 'START', direction: 'DESC' },
  { value: 'end-asc', label: 'campaigns.list.sort.endEarliest', field: 'END', direction: 'ASC' },
  { value: 'end-desc', label: 'campaigns.list.sort.endLatest', field: 'END', direction: 'DESC' },
  { value: 'closing-soon', label: 'campaigns.list.sort.closingSoon', field: 'REGISTRATION_END', direction: 'ASC' },
  { value: 'commission-desc', label: 'campaigns.list.sort.commissionHigh', field: 'COMMISSION_REQUIREMENT', direction: 'DESC' },
  { value: 'commission-asc', label: 'campaigns.list.sort.commissionLow', field: 'COMMISSION_REQUIREMENT', direction: 'ASC' },
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
        title={t('campaigns.list.title')}
        description={t('campaigns.list.description', { agency: viewer.organisation.name })}
        actions={
          <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('campaigns.form.newTitle')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <SearchInput
              label={t('campaigns.list.search')}
              placeholder={t('campaigns.form.name')}
              value={search}
              onChange={(value) => {
                setSearch(value);
                update({ q: value.trim() || null });
              }}
              w={260}
            />
            <Select
              label={t('campaigns.details.market')}
              placeholder={t('campaigns.list.allMarkets')}
              clearable
              data={(markets.length ? markets : (Object.keys(MARKETS) as Market[])).map((m) => ({ value: m, label: MARKETS[m].name }))}
              value={market}
              onChange={(value) => update({ market: value })}
              w={200}
            />
            <Select
              label={t('campaigns.list.sortBy')}
              data={SORTS.map(({ value, label }) => ({ value, label: t(label) }))}
              value={sort.value}
              onChange={(value) => update({ sort: value === SORTS[0]!.value ? null : value })}
              allowDeselect={false}
              w={260}
            />
            <Switch label={t('campaigns.list.openNow')} checked={openNow} onChange={(e) => update({ open: e.currentTarget.checked ? '1' : null })} mb={8} />
            <Switch label={t('campaigns.list.showArchived')} checked={archived} onChange={(e) => update({ archived: e.currentTarget.checked ? '1' : null })} mb={8} />
          </Group>
          <div role="group" aria-labelledby="campaign-status-filter">
            <Text size="sm" fw={500} id="campaign-status-filter" mb={6}>
              {t('campaigns.list.status')}
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
            <LoadingState label={t('campaigns.list.loading')} />
          ) : rows.length === 0 ? (
            <EmptyBlock
              title={filtered ? t('campaigns.list.noMatch') : t('campaigns.list.empty')}
              description={filtered ? t('campaigns.list.noMatchHint') : t('campaigns.list.emptyHint')}
              icon={<IconSpeakerphone aria-hidden />}
            >
              {!filtered && (
                <Button component={Link} to="new" leftSection={<IconPlus size={16} aria-hidden />} mt="sm">
                  {t('campaigns.list.createFirst')}
                </Button>
              )}
            </EmptyBlock>
          ) : (
            <div style={{ position: 'relative' }}>
              <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              <Table.ScrollContainer minWidth={960}>
                <Table highlightOnHover verticalSpacing="sm" aria-busy={fetching} data-testid="campaign-table">
                  <VisuallyHidden component="caption">{t('campaigns.list.title')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('campaigns.list.col.campaign')}</Table.Th>
                      <Table.Th scope="col">{t('campaigns.list.status')}</Table.Th>
                      <Table.Th scope="col">{t('campaigns.details.period')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('campaigns.list.col.minCommission')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('campaigns.detail.tab.registrations')}
                      </Table.Th>
                      <Table.Th scope="col">{t('campaigns.list.col.created')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('campaigns.list.col.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(({ node: c }) => (
                      <CampaignTableRow key={c.id} campaign={c} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ConnectionPager
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={connection}
                busy={fetching}
                label={t('campaigns.list.pages')}
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
