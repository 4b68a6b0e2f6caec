/** Rename a product list (its name is required; the server's answer shows under the field). */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { ProductListUpdateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';

export function RenameListDialog({ list, opened, onClose }: { list: { id: string; name: string }; opened: boolean; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, rename] = useMutation(ProductListUpdateDocument);
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('agency.lists.nameRequired'));
    const result = await rename({ input: { id: list.id, name: trimmed } });
    const problems = mutationFormErrors(result, result.data?.productListUpdate.userErrors, ['name']);
    if (problems) return setError(problems.fieldErrors.name ?? problems.formErrors.join(' '));
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
