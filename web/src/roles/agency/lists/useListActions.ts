/** Duplicate and delete a list, with the toasts and refetches every screen that offers them needs. */
import { notifications } from '@mantine/notifications';
import { useMutation } from 'urql';
import { ProductListDeleteDocument, ProductListDuplicateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';

export function useListActions() {
  const [{ fetching: duplicating }, duplicateMutation] = useMutation(ProductListDuplicateDocument);
  const [{ fetching: deleting }, deleteMutation] = useMutation(ProductListDeleteDocument);

  /** The copy's id, or null (a toast says why). */
  const duplicate = async (id: string, name: string): Promise<string | null> => {
    const result = await duplicateMutation({ input: { id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.productListDuplicate;
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    if (problem || !payload?.productList) {
      notifications.show({ color: 'red', title: 'Not duplicated', message: problem || 'No answer from the server.' });
      return null;
    }
    notifications.show({ color: 'teal', title: 'List duplicated', message: `“${payload.productList.name}” is a copy of “${name}” (without its share link).` });
    return payload.productList.id;
  };

  const remove = async (id: string, name: string): Promise<boolean> => {
    const result = await deleteMutation({ input: { id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.productListDelete;
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    if (problem || !payload?.deletedId) {
      notifications.show({ color: 'red', title: 'Not deleted', message: problem || 'No answer from the server.' });
      return false;
    }
    notifications.show({ color: 'teal', title: 'List deleted', message: `“${name}” and its share link are gone.` });
    return true;
  };

  return { duplicate, remove, duplicating, deleting };
}
