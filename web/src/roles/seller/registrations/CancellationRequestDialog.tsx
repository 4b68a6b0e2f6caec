/** Ask the agency to end an ongoing collaboration, with the reason it will read. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
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
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const trimmed = reason.trim();
  const error = serverError ?? (!trimmed ? (tried ? t('seller.cancelRequest.sayWhy') : null) : reason.length > REASON_MAX ? t('seller.atMostChars', { max: REASON_MAX }) : null);
  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t('seller.cancelRequest.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (trimmed && reason.length <= REASON_MAX) onSend(trimmed);
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
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
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
