/** One campaign for its agency: status, publish toggle, pending change, counts, registrations (live), details. */
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChartBar, IconEdit, IconHistory, IconListDetails, IconPackages } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MarketBadge } from '../../../components/MarketBadge';
import { NotFoundBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { formatPeriodDates } from '../../../features/campaigns/period';
import { History } from '../../../features/history/HistoryButton';
import { CampaignPerformancePanel } from '../../../features/performance/CampaignPerformancePanel';
import { EMPTY_REGISTRATION_FILTERS, type RegistrationFilterValues } from './registrationFilterValues';
import { AgencyCampaignDocument, type RegistrationStatus } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { CampaignListsActions } from '../lists/CampaignListsActions';
import { CampaignDetailsCard } from './CampaignDetailsCard';
import { CampaignRegistrationsPanel } from './CampaignRegistrationsPanel';
import { PendingChangeBanner } from './PendingChangeBanner';
import { PublishToggle } from './PublishToggle';

interface CountTile {
  label: string;
  /** Stable across languages (browser tests find the tiles by it). */
  testId: string;
  value: number;
  statuses: RegistrationStatus[];
  tone?: string;
}

export function CampaignDetailPage() {
  const { campaignId = '' } = useParams();
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyCampaignDocument, variables: { id: campaignId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  const [tab, setTab] = useState<string | null>('registrations');
  const [filters, setFilters] = useState<RegistrationFilterValues>(EMPTY_REGISTRATION_FILTERS);

  const campaign = data?.campaign;
  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('campaigns.detail.loading') });
  if (pending) return pending;
  if (!campaign) {
    return <NotFoundBlock title={t('campaigns.detail.notFound')} description={t('campaigns.detail.notFoundHint')} backLabel={t('campaigns.detail.backToList')} />;
  }

  const tz = marketTimeZone(campaign.market);
  const counts = campaign.registrationCounts;
  const closed = campaign.status === 'CLOSED';
  const editBlocked = closed
    ? t('campaigns.detail.closedNoEdit')
    : campaign.pendingChange
      ? t('campaigns.detail.editingReopens', { time: formatDateTime(campaign.pendingChange.appliesAt, tz) })
      : null;
  const tiles: CountTile[] = counts
    ? [
        { label: t('campaigns.detail.tile.registered'), testId: 'Registered', value: counts.total, statuses: [] },
        { label: t('campaigns.detail.tile.toReview'), testId: 'To review', value: counts.pending, statuses: ['PENDING'], tone: counts.pending > 0 ? 'yellow' : undefined },
        { label: t('campaigns.detail.tile.ongoing'), testId: 'Ongoing', value: counts.approved, statuses: ['APPROVED'] },
        { label: t('campaigns.detail.tile.cancellationAsked'), testId: 'Cancellation asked', value: counts.pendingClosed, statuses: ['PENDING_CLOSED'], tone: counts.pendingClosed > 0 ? 'orange' : undefined },
        { label: t('campaigns.detail.tile.rejected'), testId: 'Rejected', value: counts.rejected + counts.rejectForever, statuses: ['REJECTED', 'REJECT_FOREVER'] },
        { label: t('campaigns.detail.tile.closedWithdrawn'), testId: 'Closed / withdrawn', value: counts.closed + counts.withdrawn, statuses: ['CLOSED', 'WITHDRAWN'] },
      ]
    : [];

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('campaigns.breadcrumb')}>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {t('campaigns.list.title')}
        </Anchor>
        <Text size="sm" truncate maw={400}>
          {campaign.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {campaign.name}
            </Title>
            <CampaignStatusBadge status={campaign.status} size="lg" />
          </Group>
          <Group gap="xs">
            <MarketBadge market={campaign.market} />
            <Badge variant="light" color="indigo" radius="sm" tt="none">
              {t('campaigns.detail.minRate', { rate: formatRate(campaign.commissionRequirementBps) })}
            </Badge>
            <Text size="sm" c="dimmed">
              {formatPeriodDates(campaign.campaignStart, campaign.campaignEnd, tz)} ·{' '}
              {campaign.registrationOpen
                ? t('campaigns.detail.registrationOpenUntil', { time: formatDateTime(campaign.registrationEnd, tz) })
                : closed
                  ? t('campaigns.detail.ended')
                  : campaign.status === 'ONGOING'
                    ? t('campaigns.detail.registrationClosed')
                    : t('campaigns.detail.registrationOpens', { time: formatDateTime(campaign.registrationStart, tz) })}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm" align="center">
          <CampaignListsActions campaignId={campaign.id} />
          <PublishToggle
            campaignId={campaign.id}
            published={campaign.published}
            status={campaign.status}
            firstPublish={!campaign.firstPublishedAt}
            marketName={MARKETS[campaign.market].name}
          />
          <Tooltip label={editBlocked} disabled={!editBlocked} withArrow>
            <Button
              component={Link}
              to="edit"
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden />}
              data-disabled={editBlocked ? true : undefined}
              aria-disabled={editBlocked ? true : undefined}
              onClick={(e) => editBlocked && e.preventDefault()}
            >
              {t('campaigns.detail.edit')}
            </Button>
          </Tooltip>
        </Group>
      </Group>

      {campaign.pendingChange && (
        <PendingChangeBanner
          campaignId={campaign.id}
          effective={{ ...campaign, targetShopCodes: campaign.targetShopCodes ?? [] }}
          change={campaign.pendingChange}
          timeZone={tz}
          onSettled={reload}
        />
      )}

      {counts && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="lg" data-testid="registration-counts">
          {tiles.map((tile) => {
            const active = tile.statuses.length > 0 && tile.statuses.join() === filters.statuses.join();
            return (
              <UnstyledButton
                key={tile.testId}
                onClick={() => {
                  setTab('registrations');
                  setFilters({ ...filters, statuses: active ? [] : tile.statuses });
                }}
                aria-pressed={active}
                aria-label={t('campaigns.detail.tile.show', { label: tile.label, count: formatCount(tile.value) })}
              >
                <Paper withBorder p="sm" radius="md" bg={active ? 'var(--mantine-color-indigo-light)' : undefined}>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    {tile.label}
                  </Text>
                  <Text fz="xl" fw={700} c={tile.tone} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`count-${tile.testId}`}>
                    {formatCount(tile.value)}
                  </Text>
                </Paper>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="registrations" leftSection={<IconPackages size={16} aria-hidden />}>
            {counts ? t('campaigns.detail.tab.registrationsCount', { count: formatCount(counts.total) }) : t('campaigns.detail.tab.registrations')}
          </Tabs.Tab>
          <Tabs.Tab value="performance" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('campaigns.detail.tab.performance')}
          </Tabs.Tab>
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} aria-hidden />}>
            {t('campaigns.detail.tab.details')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('history.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="registrations">
          <CampaignRegistrationsPanel
            campaignId={campaign.id}
            currency={campaign.currency}
            timeZone={tz}
            counts={counts}
            filters={filters}
            onFiltersChange={setFilters}
            onChanged={reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="performance">
          <CampaignPerformancePanel campaign={campaign} perspective="agency" timeZone={tz} />
        </Tabs.Panel>
        <Tabs.Panel value="details">
          <CampaignDetailsCard campaign={campaign} timeZone={tz} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <History subject="campaign" id={campaign.id} timeZone={tz} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
