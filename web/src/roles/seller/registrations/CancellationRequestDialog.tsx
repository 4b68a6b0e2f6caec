/** Ask the agency to end an ongoing collaboration, with the reason it will read. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

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
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const trimmed = reason.trim();
  const error = serverError ?? (!trimmed ? (tried ? 'Say why you want to cancel' : null) : reason.length > REASON_MAX ? `At most ${REASON_MAX} characters` : null);
  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title="Request cancellation" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (trimmed && reason.length <= REASON_MAX) onSend(trimmed);
        }}
      >
        <Stack>
          <Text size="sm">
            <b>{title}</b> stays in the campaign until the agency approves your request. If it does, the product's creator links
            stop earning on new orders.
          </Text>
          <Textarea
            label="Reason"
            description={`The agency reads this · ${reason.length}/${REASON_MAX}`}
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
              Keep it
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
