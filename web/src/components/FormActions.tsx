/** A dialog form's buttons, at its end: Cancel (or what `cancelLabel` says) and the submit button. */
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/context';

export interface FormActionsProps {
  submitLabel: ReactNode;
  onCancel: () => void;
  /** The submit button's colour (the theme's primary colour by default). */
  color?: string;
  /** Sending: the submit button spins. */
  busy?: boolean;
  /** Cancel is disabled while sending (a dialog that cannot be left half-way). */
  cancelDisabled?: boolean;
  submitDisabled?: boolean;
  cancelLabel?: ReactNode;
}

export function FormActions({ submitLabel, onCancel, color, busy, cancelDisabled, submitDisabled, cancelLabel }: FormActionsProps) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" color={color} loading={busy} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
