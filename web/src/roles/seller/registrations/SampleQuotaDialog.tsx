/** Raise a registration's sample quota; it can only go up. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkQuantity } from '../../../features/registrations/registrationItemRules';

export interface SampleQuotaDialogProps {
  /** The registration's product title and current quota; null closes the dialog. */
  target: { title: string; current: number } | null;
  busy: boolean;
  serverError: string | null;
  onSave: (quota: number) => void;
  onClose: () => void;
}

export function SampleQuotaDialog({ target, busy, serverError, onSave, onClose }: SampleQuotaDialogProps) {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const current = target?.current ?? 0;
  const check = checkQuantity(text, { min: current + 1 });
  const close = () => {
    setText('');
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title="Raise the sample quota" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!check.error && check.value !== null) onSave(check.value);
        }}
      >
        <Stack>
          <Text size="sm">
            {target?.title}: {current} {current === 1 ? 'sample' : 'samples'} now. The quota can only go up.
          </Text>
          <TextInput
            label="New sample quota"
            inputMode="numeric"
            required
            data-autofocus
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={serverError ?? (tried || text ? (check.error === `At least ${current + 1}` ? `Must be more than ${current}` : check.error) : null)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save quota
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
