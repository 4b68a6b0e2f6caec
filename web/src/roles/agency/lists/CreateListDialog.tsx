/** A new (empty) product list of one of the agency's campaigns; the builder opens next to add products. */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ProductListCreateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useT } from '../../../i18n/context';
import { useCampaignOptions } from './useCampaignOptions';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

const NAME_MAX = 100;
const FIELDS = ['campaignId', 'name'] as const;
type Field = (typeof FIELDS)[number];

export function CreateListDialog({ opened, campaignId, onClose }: { opened: boolean; campaignId: string | null; onClose: () => void }) {
  const navigate = useNavigate();
  const t = useT();
  const { options } = useCampaignOptions();
  const open = options.filter((o) => o.status !== 'CLOSED');
  const [campaign, setCampaign] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(ProductListCreateDocument);
  const chosen = campaign ?? (campaignId && open.some((o) => o.value === campaignId) ? campaignId : null);

  const close = () => {
    setCampaign(null);
    setName('');
    setErrors({});
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    if (!chosen) local.campaignId = t('agency.lists.create.chooseCampaign');
    if (!name.trim()) local.name = t('agency.lists.nameRequired');
    else if (name.trim().length > NAME_MAX) local.name = t('agency.lists.nameTooLong', { max: NAME_MAX, length: name.trim().length });
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || !chosen) return;
    const result = await create({ input: { campaignId: chosen, name: name.trim(), items: [] } });
    if (result.error) {
      setFormError(describeError(result.error));
      return;
    }
    const payload = result.data?.productListCreate;
    if (!payload?.productList) {
      const { fieldErrors, formErrors } = splitUserErrors(payload?.userErrors ?? [], FIELDS);
      setErrors(fieldErrors);
      setFormError(formErrors.join(' ') || (Object.keys(fieldErrors).length ? null : t('agency.lists.create.failed')));
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
            value={chosen}
            onChange={setCampaign}
            error={errors.campaignId}
            nothingFoundMessage={t('agency.lists.create.noOpenCampaign')}
            data-autofocus
          />
          <TextInput
            label={t('agency.lists.name')}
            description={t('agency.lists.create.nameHelp', { length: name.trim().length, max: NAME_MAX })}
            placeholder={t('agency.lists.create.namePlaceholder')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('agency.lists.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
