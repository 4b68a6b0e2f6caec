/** The agency's product lists: search by name, filter by campaign, the 1000-list limit, duplicate and delete. */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconDots, IconLink, IconListDetails, IconPlus, IconTrash } from '@tabler/icons-react';
import { SearchInput } from '../../../components/SearchInput';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { LISTS_PER_AGENCY, PRODUCTS_PER_LIST } from './limits';
import { ProductListsDocument, type ProductListsQuery } from '../../../generated/graphql';
import { formatCount, formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useRefetchOnReconnect } from '../../../session/context';
import { CreateListDialog } from './CreateListDialog';
import { listPath } from './paths';
import { useCampaignOptions } from './useCampaignOptions';
import { useListActions } from './useListActions';

const PAGE_SIZE = 20;
type Row = ProductListsQuery['productLists']['edges'][number]['node'];

export function ProductListsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { options: campaigns } = useCampaignOptions();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const actions = useListActions();
  const t = useT();

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const pager = usePager(JSON.stringify([debounced, campaignId]));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProductListsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, search: debounced || null, campaignId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);

  const connection = data?.productLists;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const used = data?.allLists.totalCount ?? 0;
  const atLimit = used >= LISTS_PER_AGENCY;
  const filtered = debounced !== '' || campaignId !== null;

  const duplicate = async (row: Row) => {
    const id = await actions.duplicate(row.id, row.name);
    if (id) void navigate(listPath(id));
  };
  const confirmDelete = async () => {
    if (deleting && (await actions.remove(deleting.id, deleting.name))) reload();
    setDeleting(null);
  };

  return (
    <>
      <PageHeader
        title={t('agency.lists.title')}
        description={t('agency.lists.description')}
        actions={
          <Group gap="md" align="center">
            <Stack gap={2} miw={160} data-testid="list-limit">
              <Text size="xs" c="dimmed" ta="right">
                <Text span fw={700} c={atLimit ? 'red' : undefined} inherit>
                  {formatCount(used)}
                </Text>{' '}
                {t('agency.lists.limit', { max: formatCount(LISTS_PER_AGENCY) })}
              </Text>
              <Progress value={(used * 100) / LISTS_PER_AGENCY} size="xs" color={atLimit ? 'red' : 'indigo'} aria-hidden />
            </Stack>
            <Tooltip label={t('agency.lists.atLimit')} disabled={!atLimit} withArrow>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={atLimit}>
                {t('agency.lists.new')}
              </Button>
            </Tooltip>
          </Group>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <SearchInput
              label={t('agency.lists.search')}
              placeholder={t('agency.lists.searchPlaceholder')}
              value={search}
              onChange={(value) => {
                setSearch(value);
                update('q', value.trim() || null);
              }}
              w={260}
            />
            <Select
              label={t('agency.lists.campaign')}
              placeholder={t('agency.lists.allCampaigns')}
              clearable
              searchable
              data={campaigns}
              value={campaignId}
              onChange={(value) => update('campaign', value)}
              w={340}
            />
          </Group>

          <QueryBoundary
            data={data}
            fetching={fetching}
            error={error}
            onRetry={reload}
            loadingLabel={t('agency.lists.loading')}
            empty={
              rows.length === 0 && (
                <EmptyBlock
                  title={filtered ? t('agency.lists.noMatch') : t('agency.lists.none')}
                  description={
                    filtered
                      ? t('agency.lists.noMatchHelp')
                      : t('agency.lists.noneHelp')
                  }
                  icon={<IconListDetails aria-hidden />}
                >
                  {!filtered && (
                    <Button leftSection={<IconPlus size={16} aria-hidden />} mt="sm" onClick={() => setCreating(true)}>
                      {t('agency.lists.createFirst')}
                    </Button>
                  )}
                </EmptyBlock>
              )
            }
          >
            <div style={{ position: 'relative' }}>
              <RefreshOverlay visible={fetching} />
              <DataTable
                caption={t('agency.lists.title')}
                minWidth={900}
                highlightOnHover
                verticalSpacing="sm"
                aria-busy={fetching}
                data-testid="list-table"
                columns={[
                  { label: t('agency.lists.col.list') },
                  { label: t('agency.lists.campaign') },
                  { label: t('agency.lists.col.products') },
                  { label: t('agency.lists.col.shareLink') },
                  { label: t('agency.lists.col.updated') },
                  { label: t('agency.lists.col.actions'), hideLabel: true },
                ]}
              >
                {rows.map((row) => {
                  const tz = marketTimeZone(row.campaign?.market);
                  return (
                    <Table.Tr key={row.id} data-testid="list-row">
                      <Table.Td>
                        <Anchor component={Link} to={listPath(row.id)} fw={600} size="sm">
                          {row.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {row.campaign ? (
                          <Group gap={6} wrap="nowrap">
                            <Anchor component={Link} to={`/agency/campaigns/${encodeURIComponent(row.campaign.id)}`} size="sm" c="dimmed" lineClamp={1}>
                              {row.campaign.name}
                            </Anchor>
                            <CampaignStatusBadge status={row.campaign.status} />
                          </Group>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td w={170}>
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatCount(row.itemCount)} / {formatCount(PRODUCTS_PER_LIST)}
                        </Text>
                        <Progress value={(row.itemCount * 100) / PRODUCTS_PER_LIST} size="xs" mt={4} aria-hidden />
                      </Table.Td>
                      <Table.Td>
                        {row.shareLink ? (
                          <Badge variant="light" color="teal" radius="sm" tt="none" leftSection={<IconLink size={12} aria-hidden />}>
                            {t('agency.lists.sharedOpens', { count: row.shareLink.opens ?? 0, shown: formatCount(row.shareLink.opens ?? 0) })}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('agency.lists.notShared')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(row.updatedAt, tz, { withZone: false })}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('agency.lists.actionsFor', { name: row.name })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item component={Link} to={listPath(row.id)} leftSection={<IconListDetails size={14} aria-hidden />}>
                              {t('agency.lists.open')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} disabled={atLimit} onClick={() => void duplicate(row)}>
                              {t('agency.lists.duplicate')}
                            </Menu.Item>
                            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(row)}>
                              {t('agency.lists.deleteMenu')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
              <ConnectionPager
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={connection}
                busy={fetching}
                label={t('agency.lists.pages')}
              />
            </div>
          </QueryBoundary>
        </Stack>
      </Card>

      <CreateListDialog opened={creating} campaignId={campaignId} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('agency.lists.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('agency.lists.deleteConfirm')}
        busy={actions.deleting}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        {t('agency.lists.deleteBody')}
      </ConfirmDialog>
    </>
  );
}
