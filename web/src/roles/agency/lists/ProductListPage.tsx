/**
 * The list builder: its products with the split of each seller's total (creator rate, agency share, money
 * per unit), add / re-price / remove, rename, duplicate, delete, the share link and the campaign's CSV.
 */
import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { toastIfFailed } from '../../../components/mutationResult';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { PRODUCTS_PER_LIST } from './limits';
import { ProductListDocument, ProductListItemsSetDocument } from '../../../generated/graphql';
import { formatCount } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useRefetchOnReconnect } from '../../../session/context';
import { AddProductsDrawer } from './AddProductsDrawer';
import { ListItemsCard } from './ListItemsCard';
import type { ListItem } from './ListItemRow';
import { listPath } from './paths';
import { ProductListHeader } from './ProductListHeader';
import { RenameListDialog } from './RenameListDialog';
import { RepriceDialog } from './RepriceDialog';
import { ShareLinkCard } from './ShareLinkCard';
import { useListActions } from './useListActions';

export function ProductListPage() {
  const { listId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  const [query, refetch] = useQuery({ query: ProductListDocument, variables: { id: listId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);

  // A list just created opens with the product picker; the flag is dropped so a reload does not reopen it.
  const [adding, setAdding] = useState(() => Boolean((location.state as { addProducts?: boolean } | null)?.addProducts));
  useEffect(() => {
    if ((location.state as { addProducts?: boolean } | null)?.addProducts) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [repricing, setRepricing] = useState<ListItem | null>(null);
  const [removing, setRemoving] = useState<ListItem | null>(null);
  const actions = useListActions();
  const [{ fetching: removeBusy }, setItems] = useMutation(ProductListItemsSetDocument);

  const list = query.data?.productList;
  const items = useMemo(() => list?.items.edges.map((e) => e.node) ?? [], [list]);
  const listed = useMemo(() => new Set(items.flatMap((i) => (i.registration ? [i.registration.id] : []))), [items]);

  const pending = queryFallback(query, { onRetry: reload, loadingLabel: t('agency.lists.loadingList') });
  if (pending) return pending;
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
    if (toastIfFailed(t('agency.lists.notRemoved'), result, result.data?.productListItemsSet.userErrors))
      notifications.show({ color: 'teal', title: t('agency.lists.removed'), message: removing.product?.title ?? '' });
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
      <ProductListHeader
        list={list}
        tz={tz}
        full={full}
        closed={closed}
        onRename={() => setRenaming(true)}
        onAdd={() => setAdding(true)}
        onDuplicate={() => void duplicate()}
        onDelete={() => setDeleting(true)}
      />

      <Stack gap="lg">
        <ShareLinkCard list={list} timeZone={tz} onChanged={reload} />
        <ListItemsCard items={items} closed={closed} onAdd={() => setAdding(true)} onReprice={setRepricing} onRemove={setRemoving} />
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
      {renaming && <RenameListDialog list={list} opened onClose={() => setRenaming(false)} />}
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
