/** Ask the agency to end an ongoing collaboration, with the reason it will read. */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActions } from '../../../components/FormActions';
import { useCheckedText } from '../../../components/useCheckedText';
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
  const { text: reason, inputProps, onSubmit, reset } = useCheckedText((value) => {
    if (!value.trim()) return t('seller.cancelRequest.sayWhy');
    return value.length > REASON_MAX ? t('seller.atMostChars', { max: REASON_MAX }) : null;
  });
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t('seller.cancelRequest.title')} centered>
      <form onSubmit={onSubmit((text) => onSend(text.trim()))}>
        <Stack>
          <Text size="sm">{richT(t, 'seller.cancelRequest.body', {}, { title: <b>{title}</b> })}</Text>
          <Textarea
            label={t('seller.cancelRequest.reason')}
            description={t('seller.cancelRequest.reasonHint', { length: reason.length, max: REASON_MAX })}
            required
            autosize
            minRows={3}
            data-autofocus
            {...inputProps}
            // The server's answer first.
            error={serverError ?? inputProps.error}
          />
          <FormActions onCancel={close} cancelLabel={t('seller.cancelRequest.keep')} submitLabel={t('seller.cancelRequest.send')} color="orange" busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
