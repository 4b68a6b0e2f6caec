/** Raise a registration's sample quota; it can only go up. */
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { checkQuantity } from '../marketplace/registrationItemRules';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';
import { FormActions } from '../../../components/FormActions';

export interface SampleQuotaDialogProps {
  /** The registration's product title and current quota; null closes the dialog. */
  target: { title: string; current: number } | null;
  busy: boolean;
  serverError: string | null;
  onSave: (quota: number) => void;
  onClose: () => void;
}

export function SampleQuotaDialog({ target, busy, serverError, onSave, onClose }: SampleQuotaDialogProps) {
  const t = useT();
  const [tried, setTried] = useState(false);
  const current = target?.current ?? 0;
  const check = (text: string) => checkQuantity(text, { min: current + 1 });
  const form = useForm({
    mode: 'controlled',
    initialValues: { quota: '' },
    validateInputOnChange: true,
    validate: {
      quota: (text: string) => {
        const { error } = check(text);
        return error === `At least ${current + 1}` ? t('seller.quota.moreThan', { shown: formatCount(current) }) : error;
      },
    },
  });
  const text = form.values.quota;
  const close = () => {
    form.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={t('seller.quota.title')} centered>
      <form
        onSubmit={(e) => {
          setTried(true);
          form.onSubmit((values) => {
            const { value } = check(values.quota);
            if (value !== null) onSave(value);
          })(e);
        }}
      >
        <Stack>
          <Text size="sm">
            {t('seller.quota.body', { title: target?.title ?? '', count: current, shown: formatCount(current) })}
          </Text>
          <TextInput
            label={t('seller.quota.newQuota')}
            inputMode="numeric"
            required
            data-autofocus
            {...form.getInputProps('quota')}
            // The server's answer first; the rule as soon as something is typed, "enter a number" after a try.
            error={serverError ?? (tried || text ? form.errors.quota : null)}
          />
          <FormActions submitLabel={t('seller.quota.save')} onCancel={close} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
