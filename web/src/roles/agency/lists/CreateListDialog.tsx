/** A new (empty) product list of one of the agency's campaigns; the builder opens next to add products. */
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ProductListCreateDocument } from '../../../generated/graphql';
import { mutationFormErrors, showFormProblems } from '../../../components/mutationResult';
import { useT } from '../../../i18n/context';
import { useCampaignOptions } from './useCampaignOptions';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { FormActions } from '../../../components/FormActions';

const NAME_MAX = 100;
const FIELDS = ['campaignId', 'name'] as const;

export function CreateListDialog({ opened, campaignId, onClose }: { opened: boolean; campaignId: string | null; onClose: () => void }) {
  const navigate = useNavigate();
  const t = useT();
  const { options } = useCampaignOptions();
  const open = options.filter((o) => o.status !== 'CLOSED');
  // Checked on submit; an error (the rule's or the server's) stays at its field until the next try.
  const form = useForm<{ campaignId: string | null; name: string }>({
    mode: 'controlled',
    initialValues: { campaignId: null, name: '' },
    clearInputErrorOnChange: false,
    validate: {
      campaignId: (): string | null => (chosen ? null : t('agency.lists.create.chooseCampaign')),
      name: (value) => {
        const trimmed = value.trim();
        if (!trimmed) return t('agency.lists.nameRequired');
        return trimmed.length > NAME_MAX ? t('agency.lists.nameTooLong', { max: NAME_MAX, length: trimmed.length }) : null;
      },
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(ProductListCreateDocument);
  const chosen = form.values.campaignId ?? (campaignId && open.some((o) => o.value === campaignId) ? campaignId : null);
  const name = form.values.name;

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    setFormError(null);
    if (form.validate().hasErrors || !chosen) return;
    const result = await create({ input: { campaignId: chosen, name: name.trim(), items: [] } });
    const payload = result.data?.productListCreate;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS);
    if (problems || !payload?.productList) {
      const fieldErrors = problems?.fieldErrors ?? {};
      const formText = showFormProblems(form, problems ?? { fieldErrors, formErrors: [] });
      setFormError(formText ?? (Object.keys(fieldErrors).length ? null : t('agency.lists.create.failed')));
      return;
    }
    const id = payload.productList.id;
    close();
    void navigate(`/agency/lists/${encodeURIComponent(id)}`, { state: { addProducts: true } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('agency.lists.create.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <FormErrorAlert message={formError} />
          <Select
            label={t('agency.lists.campaign')}
            description={t('agency.lists.create.campaignHelp')}
            placeholder={t('agency.lists.create.campaignPlaceholder')}
            required
            searchable
            data={open}
            {...form.getInputProps('campaignId')}
            value={chosen}
            nothingFoundMessage={t('agency.lists.create.noOpenCampaign')}
            data-autofocus
          />
          <TextInput
            label={t('agency.lists.name')}
            description={t('agency.lists.create.nameHelp', { length: name.trim().length, max: NAME_MAX })}
            placeholder={t('agency.lists.create.namePlaceholder')}
            required
            {...form.getInputProps('name')}
          />
          <FormActions submitLabel={t('agency.lists.create.submit')} onCancel={close} busy={fetching} cancelDisabled={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
