/** Duplicate and delete a list, with the toasts and refetches every screen that offers them needs. */
import { notifications } from '@mantine/notifications';
import { useMutation } from 'urql';
import { ProductListDeleteDocument, ProductListDuplicateDocument } from '../../../generated/graphql';
import { mutationProblem } from '../../../components/mutationResult';
import { useT } from '../../../i18n/context';

export function useListActions() {
  const t = useT();
  const [{ fetching: duplicating }, duplicateMutation] = useMutation(ProductListDuplicateDocument);
  const [{ fetching: deleting }, deleteMutation] = useMutation(ProductListDeleteDocument);

  /** The copy's id, or null (a toast says why). */
  const duplicate = async (id: string, name: string): Promise<string | null> => {
    const result = await duplicateMutation({ input: { id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.productListDuplicate;
    const problem = mutationProblem(result, payload?.userErrors);
    if (problem || !payload?.productList) {
      notifications.show({ color: 'red', title: t('agency.lists.notDuplicated'), message: problem || t('agency.lists.noAnswer') });
      return null;
    }
    notifications.show({ color: 'teal', title: t('agency.lists.duplicated'), message: t('agency.lists.duplicatedBody', { copy: payload.productList.name, name }) });
    return payload.productList.id;
  };

  const remove = async (id: string, name: string): Promise<boolean> => {
    const result = await deleteMutation({ input: { id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.productListDelete;
    const problem = mutationProblem(result, payload?.userErrors);
    if (problem || !payload?.deletedId) {
      notifications.show({ color: 'red', title: t('agency.lists.notDeleted'), message: problem || t('agency.lists.noAnswer') });
      return false;
    }
    notifications.show({ color: 'teal', title: t('agency.lists.deleted'), message: t('agency.lists.deletedBody', { name }) });
    return true;
  };

  return { duplicate, remove, duplicating, deleting };
}
