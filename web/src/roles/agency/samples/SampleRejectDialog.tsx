/** The reason an agency gives when it rejects a sample request (required, at most 500 characters). */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActions } from '../../../components/FormActions';
import { useCheckedText } from '../../../components/useCheckedText';
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
  // "Required" waits for the first try; "too long" shows as soon as it is.
  const { text, inputProps, onSubmit, reset } = useCheckedText((value) => {
    const trimmed = value.trim();
    if (!trimmed) return t('agency.samples.reasonRequired');
    return trimmed.length > REASON_MAX ? t('agency.samples.reasonTooLong', { max: REASON_MAX, length: trimmed.length }) : null;
  });
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={row !== null} onClose={close} title={t('agency.samples.rejectTitle', { title: row?.product?.title ?? t('agency.samples.thisProduct') })} centered>
      <form onSubmit={onSubmit((reason) => onConfirm(reason.trim()))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('agency.samples.rejectHelp', { name: row?.creator?.displayName ?? t('agency.samples.theCreator') })}
          </Text>
          <Textarea
            label={t('agency.samples.reason')}
            description={`${text.trim().length}/${REASON_MAX}`}
            required
            autosize
            minRows={3}
            maxRows={6}
            {...inputProps}
            data-autofocus
          />
          <FormActions onCancel={close} cancelDisabled={busy} submitLabel={t('agency.samples.reject')} color="red" busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
