/** The reason an agency gives when it rejects a sample request (required, at most 500 characters). */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useT } from '../../../i18n/context';
import type { AgencySampleRow } from './AgencySampleRow';

const REASON_MAX = 500;

export function SampleRejectDialog({
  row,
  busy,
  onConfirm,
  onClose,
}: {
  row: AgencySampleRow | null;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [tried, setTried] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validateInputOnChange: true,
    validate: {
      reason: (value: string) => {
        const trimmed = value.trim();
        if (!trimmed) return t('agency.samples.reasonRequired');
        return trimmed.length > REASON_MAX ? t('agency.samples.reasonTooLong', { max: REASON_MAX, length: trimmed.length }) : null;
      },
    },
  });
  const trimmed = form.values.reason.trim();
  // "Required" waits for the first try; "too long" shows as soon as it is.
  const error = trimmed || tried ? (form.errors.reason ?? null) : null;
  const close = () => {
    form.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={row !== null} onClose={close} title={t('agency.samples.rejectTitle', { title: row?.product?.title ?? t('agency.samples.thisProduct') })} centered>
      <form
        onSubmit={(e) => {
          setTried(true);
          form.onSubmit((values) => onConfirm(values.reason.trim()))(e);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('agency.samples.rejectHelp', { name: row?.creator?.displayName ?? t('agency.samples.theCreator') })}
          </Text>
          <Textarea
            label={t('agency.samples.reason')}
            description={`${trimmed.length}/${REASON_MAX}`}
            required
            autosize
            minRows={3}
            maxRows={6}
            {...form.getInputProps('reason')}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('agency.samples.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
