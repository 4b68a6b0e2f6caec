/** Rename a product list (its name is required; the server's answer shows under the field). */
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from 'urql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { ProductListUpdateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { FormActions } from '../../../components/FormActions';

export function RenameListDialog({ list, opened, onClose }: { list: { id: string; name: string }; opened: boolean; onClose: () => void }) {
  const t = useT();
  // Checked on submit; an error (the rule's or the server's) goes as soon as the name is edited.
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: list.name },
    validate: { name: (value: string) => (value.trim() ? null : t('agency.lists.nameRequired')) },
  });
  const name = form.values.name;
  const [{ fetching }, rename] = useMutation(ProductListUpdateDocument);
  const submit = async (values: { name: string }) => {
    const result = await rename({ input: { id: list.id, name: values.name.trim() } });
    const problems = mutationFormErrors(result, result.data?.productListUpdate.userErrors, ['name']);
    if (problems) return form.setFieldError('name', problems.fieldErrors.name ?? problems.formErrors.join(' '));
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('agency.lists.renameTitle')} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack>
          <TextInput
            label={t('agency.lists.name')}
            description={`${name.trim().length}/100`}
            required
            {...form.getInputProps('name')}
            data-autofocus
          />
          <FormActions onCancel={onClose} cancelDisabled={fetching} submitLabel={t('agency.lists.rename')} busy={fetching} submitDisabled={name.trim() === list.name} />
        </Stack>
      </form>
    </Modal>
  );
}
