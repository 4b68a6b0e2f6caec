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
import { useRefetchOnReconnect } from '../../../session/context';
import { AddProductsDrawer } from './AddProductsDrawer';
import { approvedProductsCsvUrl, listPath } from './paths';
import { RepriceDialog } from './RepriceDialog';
import { ShareLinkCard } from './ShareLinkCard';
import { useListActions } from './useListActions';

type List = NonNullable<ProductListQuery['productList']>;
type Item = List['items']['edges'][number]['node'];

function RenameDialog({ list, opened, onClose }: { list: List; opened: boolean; onClose: () => void }) {
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, rename] = useMutation(ProductListUpdateDocument);
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Enter a name for the list');
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
    <Modal opened={opened} onClose={onClose} title="Rename the list" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label="List name"
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
              Cancel
            </Button>
            <Button type="submit" loading={fetching} disabled={name.trim() === list.name}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ItemRow({ item, onReprice, onRemove }: { item: Item; onReprice: () => void; onRemove: () => void }) {
  const title = item.product?.title ?? 'Product';
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
              {item.product?.shopName} · {formatCount(item.product?.stock ?? 0)} in stock
              {closed ? ' · collaboration closed' : ''}
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
        <Tooltip label="Creators with this product in their showcase through this list" withArrow>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <IconUsers size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm">{formatCount(item.creatorCount ?? 0)}</Text>
          </Group>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-sm" variant="light" leftSection={<IconPercentage size={14} aria-hidden />} onClick={onReprice} aria-label={`Re-price ${title}`}>
            Re-price
          </Button>
          <Tooltip label="Remove from the list" withArrow>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${title}`} onClick={onRemove}>
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
  if (!data && fetching) return <LoadingState label="Loading the list…" />;
  if (!list) {
    return (
      <EmptyBlock title="List not found" description="It was deleted or belongs to another agency.">
        <Button component={Link} to="/agency/lists" variant="light" mt="sm">
          Back to product lists
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
    if (problem) notifications.show({ color: 'red', title: 'Not removed', message: problem });
    else notifications.show({ color: 'teal', title: 'Removed from the list', message: removing.product?.title ?? '' });
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
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="/agency/lists" size="sm">
          Product lists
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
            <Tooltip label="Rename" withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label="Rename the list" onClick={() => setRenaming(true)}>
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
                  {closed ? 'ended' : 'ends'} {formatDate(campaign.campaignEnd, tz)}
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
              / {formatCount(PRODUCTS_PER_LIST)} products
            </Text>
            <Progress value={(list.itemCount * 100) / PRODUCTS_PER_LIST} size="xs" color={full ? 'red' : 'indigo'} aria-hidden />
          </Stack>
          <Tooltip label={closed ? 'The campaign has ended' : 'A list holds at most 100 products'} disabled={!full && !closed} withArrow>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={full || closed}>
              Add products
            </Button>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="More list actions">
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setRenaming(true)}>
                Rename…
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={() => void duplicate()} title={`At most ${LISTS_PER_AGENCY} lists`}>
                Duplicate
              </Menu.Item>
              {campaign && (
                <Menu.Item component="a" href={approvedProductsCsvUrl(campaign.id)} download leftSection={<IconFileSpreadsheet size={14} aria-hidden />}>
                  Export campaign CSV
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
                Delete…
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
              Products and rates
            </Text>
            <Text size="xs" c="dimmed">
              Money per unit sold at the product&apos;s lowest price
            </Text>
          </Group>
          {items.length === 0 ? (
            <EmptyBlock
              title="No products in this list yet"
              description="Add approved products of the campaign and choose what creators earn on each."
              icon={<IconPackage aria-hidden />}
            >
              <Button mt="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={closed}>
                Add products
              </Button>
            </EmptyBlock>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="list-items" styles={{ th: { whiteSpace: 'nowrap' } }}>
                <VisuallyHidden component="caption">Products in the list with their rates</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Product</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Price
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Seller total
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Creator rate
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Agency share
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Creators
                    </Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
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
              The campaign has ended: the list is read-only for creators and its link opens nothing.
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
            notifications.show({ color: 'teal', title: count === 1 ? 'Product added' : `${formatCount(count)} products added`, message: list.shareLink ? 'Creators who open the link see them now.' : 'Create a share link to send the list to creators.' })
          }
        />
      )}
      <RepriceDialog listId={list.id} item={repricing} timeZone={tz} onClose={() => setRepricing(null)} />
      {renaming && <RenameDialog list={list} opened onClose={() => setRenaming(false)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove “${removing?.product?.title ?? ''}”?`}
        confirmLabel="Remove"
        busy={removeBusy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        New creators can no longer add it from this list. Creators who already added it keep it in their showcase at their current rate.
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting}
        title={`Delete “${list.name}”?`}
        confirmLabel="Delete list"
        busy={actions.deleting}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(false)}
      >
        Its share link stops working at once. Creators keep the products they already added, at their current rates.
      </ConfirmDialog>
    </>
  );
}
