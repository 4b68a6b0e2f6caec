/** "Withdraw this registration?" with the server's answer when it could not. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

export interface WithdrawDialogProps {
  /** The product's title, or null when closed. */
  title: string | null | undefined;
  opened: boolean;
  busy: boolean;
  serverError: string | null;
  onConfirm: () => void;
  /** Closed by the dialog's own close (Escape, ×, outside). */
  onClose: () => void;
  /** Closed by "Keep". */
  onKeep: () => void;
}

export function WithdrawDialog({ title, opened, busy, serverError, onConfirm, onClose, onKeep }: WithdrawDialogProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('seller.regs.withdrawTitle')} centered>
      <Stack>
        <Text size="sm">{richT(t, 'seller.regs.withdrawBody', {}, { title: <b>{title}</b> })}</Text>
        {serverError && opened && (
          <Text size="sm" c="red" role="alert">
            {serverError}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep}>
            {t('seller.cancelRequest.keep')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {t('seller.regs.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
