/** Ask the agency to end an ongoing collaboration, with the reason it will read. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

const REASON_MAX = 500;

export interface CancellationRequestDialogProps {
  /** The product's title; null closes the dialog. */
  title: string | null;
  busy: boolean;
  serverError: string | null;
  onSend: (reason: string) => void;
  onClose: () => void;
}

export function CancellationRequestDialog({ title, busy, serverError, onSend, onClose }: CancellationRequestDialogProps) {
  const t = useT();
  const [tried, setTried] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validateInputOnChange: true,
    validate: {
      reason: (value: string) => {
        if (!value.trim()) return t('seller.cancelRequest.sayWhy');
        return value.length > REASON_MAX ? t('seller.atMostChars', { max: REASON_MAX }) : null;
      },
    },
  });
  const reason = form.values.reason;
  // The server's answer first; "too long" as soon as it is, "say why" after the first try.
  const error = serverError ?? (reason.trim() || tried ? (form.errors.reason ?? null) : null);
  const close = () => {
    form.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t('seller.cancelRequest.title')} centered>
      <form
        onSubmit={(e) => {
          setTried(true);
          form.onSubmit((values) => onSend(values.reason.trim()))(e);
        }}
      >
        <Stack>
          <Text size="sm">{richT(t, 'seller.cancelRequest.body', {}, { title: <b>{title}</b> })}</Text>
          <Textarea
            label={t('seller.cancelRequest.reason')}
            description={t('seller.cancelRequest.reasonHint', { length: reason.length, max: REASON_MAX })}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('seller.cancelRequest.keep')}
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              {t('seller.cancelRequest.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
