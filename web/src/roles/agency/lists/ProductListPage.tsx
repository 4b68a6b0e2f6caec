/**
 * The list builder: its products with the split of each seller's total (creator rate, agency share, money
 * per unit), add / re-price / remove, rename, duplicate, delete, the share link and the campaign's CSV.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCopy,
  IconDots,
  IconEdit,
  IconFileSpreadsheet,
  IconPackage,
  IconPercentage,
  IconPlus,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { LISTS_PER_AGENCY, PRODUCTS_PER_LIST } from '../../../features/lists/limits';
import { splitRate } from '../../../features/lists/split';
import { ProductListDocument, ProductListItemsSetDocument, ProductListUpdateDocument, type ProductListQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDate, formatMoney, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { splitUserErrors } from '../../../lib/userErrors';
import { useT } from '../../../i18n/context';
import { useRefetchOnReconnect } from '../../../session/context';
import { AddProductsDrawer } from './AddProductsDrawer';
import { approvedProductsCsvUrl, listPath } from './paths';
import { RepriceDialog } from './RepriceDialog';
import { ShareLinkCard } from './ShareLinkCard';
import { useListActions } from './useListActions';

type List = NonNullable<ProductListQuery['productList']>;
type Item = List['items']['edges'][number]['node'];

function RenameDialog({ list, opened, onClose }: { list: List; opened: boolean; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, rename] = useMutation(ProductListUpdateDocument);
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('agency.lists.nameRequired'));
    const result = await rename({ input: { id: list.id, name: trimmed } });
    if (result.error) return setError(describeError(result.error));
    const errors = result.data?.productListUpdate.userErrors ?? [];
    if (errors.length) {
      const { fieldErrors, formErrors } = splitUserErrors(errors, ['name']);
      return setError(fieldErrors.name ?? formErrors.join(' '));
    }
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('agency.lists.renameTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={t('agency.lists.name')}
            description={`${name.trim().length}/100`}
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching} disabled={name.trim() === list.name}>
              {t('agency.lists.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ItemRow({ item, onReprice, onRemove }: { item: Item; onReprice: () => void; onRemove: () => void }) {
  const t = useT();
  const title = item.product?.title ?? t('agency.lists.product');
  const total = item.totalRateBps ?? 0;
  const split = splitRate(total, item.creatorRateBps, item.product?.price ?? null);
  const money = split.money;
  const closed = item.registration && item.registration.status !== 'APPROVED';
  return (
    <Table.Tr data-testid="list-item-row">
      <Table.Td miw={280} maw={420}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={item.product?.imageUrl} alt="" radius="sm" size={40} color="indigo">
            <IconPackage size={18} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} lineClamp={2}>
              {title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.product?.shopName} · {t('agency.lists.inStock', { shown: formatCount(item.product?.stock ?? 0) })}
              {closed ? ` · ${t('agency.lists.collaborationClosed')}` : ''}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoneyOrDash(item.product?.price)}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={600}>
          {formatRate(total)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.sellerPays)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={700} c="pink.8" data-testid="item-creator-rate">
          {formatRate(item.creatorRateBps)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.creatorEarns)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={700} c="indigo.8" data-testid="item-agency-rate">
          {formatRate(item.agencyRateBps ?? split.agencyBps)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.agencyEarns)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Tooltip label={t('agency.lists.creatorsHelp')} withArrow>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <IconUsers size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm">{formatCount(item.creatorCount ?? 0)}</Text>
          </Group>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-sm" variant="light" leftSection={<IconPercentage size={14} aria-hidden />} onClick={onReprice} aria-label={t('agency.lists.repriceItem', { title })}>
            {t('agency.lists.reprice')}
          </Button>
          <Tooltip label={t('agency.lists.removeHelp')} withArrow>
            <ActionIcon variant="subtle" color="red" aria-label={t('agency.lists.removeItem', { title })} onClick={onRemove}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function ProductListPage() {
  const { listId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProductListDocument, variables: { id: listId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);

  // A list just created opens with the product picker; the flag is dropped so a reload does not reopen it.
  const [adding, setAdding] = useState(() => Boolean((location.state as { addProducts?: boolean } | null)?.addProducts));
  useEffect(() => {
    if ((location.state as { addProducts?: boolean } | null)?.addProducts) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [repricing, setRepricing] = useState<Item | null>(null);
  const [removing, setRemoving] = useState<Item | null>(null);
  const actions = useListActions();
  const [{ fetching: removeBusy }, setItems] = useMutation(ProductListItemsSetDocument);

  const list = data?.productList;
  const items = useMemo(() => list?.items.edges.map((e) => e.node) ?? [], [list]);
  const listed = useMemo(() => new Set(items.flatMap((i) => (i.registration ? [i.registration.id] : []))), [items]);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data && fetching) return <LoadingState label={t('agency.lists.loadingList')} />;
  if (!list) {
    return (
      <EmptyBlock title={t('agency.lists.notFound')} description={t('agency.lists.notFoundHelp')}>
        <Button component={Link} to="/agency/lists" variant="light" mt="sm">
          {t('agency.lists.back')}
        </Button>
      </EmptyBlock>
    );
  }

  const campaign = list.campaign;
  const tz = marketTimeZone(campaign?.market);
  const full = list.itemCount >= PRODUCTS_PER_LIST;
  const closed = campaign?.status === 'CLOSED';

  const remove = async () => {
    if (!removing?.registration) return;
    const result = await setItems({ input: { listId: list.id, remove: [removing.registration.id] } });
    const problem = result.error ? describeError(result.error) : result.data?.productListItemsSet.userErrors.map((e) => e.message).join(' ');
    if (problem) notifications.show({ color: 'red', title: t('agency.lists.notRemoved'), message: problem });
    else notifications.show({ color: 'teal', title: t('agency.lists.removed'), message: removing.product?.title ?? '' });
    setRemoving(null);
  };
  const duplicate = async () => {
    const id = await actions.duplicate(list.id, list.name);
    if (id) void navigate(listPath(id));
  };
  const confirmDelete = async () => {
    if (await actions.remove(list.id, list.name)) void navigate(campaign ? `/agency/lists?campaign=${encodeURIComponent(campaign.id)}` : '/agency/lists');
    setDeleting(false);
  };

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('agency.lists.breadcrumb')}>
        <Anchor component={Link} to="/agency/lists" size="sm">
          {t('agency.lists.title')}
        </Anchor>
        <Text size="sm" truncate maw={400}>
          {list.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h2" lineClamp={2}>
              {list.name}
            </Title>
            <Tooltip label={t('agency.lists.rename')} withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={t('agency.lists.renameTitle')} onClick={() => setRenaming(true)}>
                <IconEdit size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap="xs" wrap="wrap">
            {campaign && (
              <>
                <Anchor component={Link} to={`/agency/campaigns/${encodeURIComponent(campaign.id)}`} size="sm">
                  {campaign.name}
                </Anchor>
                <CampaignStatusBadge status={campaign.status} />
                <Text size="sm" c="dimmed">
                  {t(closed ? 'agency.lists.ended' : 'agency.lists.ends', { date: formatDate(campaign.campaignEnd, tz) })}
                </Text>
              </>
            )}
          </Group>
        </Stack>
        <Group gap="sm" align="center">
          <Stack gap={2} miw={150} data-testid="item-limit">
            <Text size="xs" c="dimmed" ta="right">
              <Text span fw={700} c={full ? 'red' : undefined} inherit>
                {formatCount(list.itemCount)}
              </Text>{' '}
              {t('agency.lists.itemLimit', { max: formatCount(PRODUCTS_PER_LIST) })}
            </Text>
            <Progress value={(list.itemCount * 100) / PRODUCTS_PER_LIST} size="xs" color={full ? 'red' : 'indigo'} aria-hidden />
          </Stack>
          <Tooltip label={closed ? t('agency.lists.campaignEnded') : t('agency.lists.full', { max: formatCount(PRODUCTS_PER_LIST) })} disabled={!full && !closed} withArrow>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={full || closed}>
              {t('agency.lists.addProducts')}
            </Button>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={t('agency.lists.moreActions')}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setRenaming(true)}>
                {t('agency.lists.renameMenu')}
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={() => void duplicate()} title={t('agency.lists.atMostLists', { max: formatCount(LISTS_PER_AGENCY) })}>
                {t('agency.lists.duplicate')}
              </Menu.Item>
              {campaign && (
                <Menu.Item component="a" href={approvedProductsCsvUrl(campaign.id)} download leftSection={<IconFileSpreadsheet size={14} aria-hidden />}>
                  {t('agency.lists.exportCampaignCsv')}
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('agency.lists.deleteMenu')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Stack gap="lg">
        <ShareLinkCard list={list} timeZone={tz} onChanged={reload} />

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="list-items-title">
          <Group justify="space-between" align="baseline" mb="sm">
            <Text component="h2" fw={700} size="lg" id="list-items-title" m={0}>
              {t('agency.lists.itemsTitle')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('agency.lists.itemsHelp')}
            </Text>
          </Group>
          {items.length === 0 ? (
            <EmptyBlock
              title={t('agency.lists.noItems')}
              description={t('agency.lists.noItemsHelp')}
              icon={<IconPackage aria-hidden />}
            >
              <Button mt="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={closed}>
                {t('agency.lists.addProducts')}
              </Button>
            </EmptyBlock>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="list-items" styles={{ th: { whiteSpace: 'nowrap' } }}>
                <VisuallyHidden component="caption">{t('agency.lists.itemsCaption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agency.lists.product')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agency.lists.col.price')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agency.lists.col.sellerTotal')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agency.lists.col.creatorRate')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agency.lists.col.agencyShare')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agency.lists.col.creators')}
                    </Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('agency.lists.col.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <ItemRow key={item.id} item={item} onReprice={() => setRepricing(item)} onRemove={() => setRemoving(item)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {closed && (
            <Alert mt="md" color="gray" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('agency.lists.endedNote')}
            </Alert>
          )}
        </Card>
      </Stack>

      {campaign && (
        <AddProductsDrawer
          opened={adding}
          listId={list.id}
          campaignId={campaign.id}
          listed={listed}
          itemCount={list.itemCount}
          onClose={() => setAdding(false)}
          onAdded={(count) =>
            notifications.show({ color: 'teal', title: t('agency.lists.added', { count, shown: formatCount(count) }), message: list.shareLink ? t('agency.lists.addedShared') : t('agency.lists.addedNotShared') })
          }
        />
      )}
      <RepriceDialog listId={list.id} item={repricing} timeZone={tz} onClose={() => setRepricing(null)} />
      {renaming && <RenameDialog list={list} opened onClose={() => setRenaming(false)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('agency.lists.removeTitle', { title: removing?.product?.title ?? '' })}
        confirmLabel={t('agency.lists.remove')}
        busy={removeBusy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {t('agency.lists.removeBody')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting}
        title={t('agency.lists.deleteTitle', { name: list.name })}
        confirmLabel={t('agency.lists.deleteConfirm')}
        busy={actions.deleting}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(false)}
      >
        {t('agency.lists.deleteBody')}
      </ConfirmDialog>
    </>
  );
}
