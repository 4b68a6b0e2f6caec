/** The bar over the review table: how many are selected, and the bulk approve / reject / cancellation decisions. */
import { Button, Group, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useT } from '../../../i18n/context';

export interface RegistrationBulkBarProps {
  /** Selected pending registrations (to review). */
  pending: number;
  /** Selected cancellation requests (to decide). */
  closing: number;
  approving: boolean;
  deciding: boolean;
  onApprove: () => void;
  onReject: (decision: 'REJECT' | 'REJECT_FOREVER') => void;
  onDecide: (decision: 'CLOSE' | 'KEEP') => void;
  onClear: () => void;
}

export function RegistrationBulkBar({ pending, closing, approving, deciding, onApprove, onReject, onDecide, onClear }: RegistrationBulkBarProps) {
  const t = useT();
  const anySelected = pending + closing;
  return (
    <Group
      justify="space-between"
      py="xs"
      px="sm"
      my="sm"
      bg={anySelected ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default-hover)'}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      data-testid="bulk-bar"
    >
      <Text size="sm" fw={500} aria-live="polite">
        {anySelected ? t('campaigns.registrations.selected', { count: anySelected }) : t('campaigns.registrations.selectHint')}
      </Text>
      <Group gap="xs">
        <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} disabled={!pending} loading={approving} onClick={onApprove}>
          {t('campaigns.registrations.approve')}
        </Button>
        <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} aria-hidden />} disabled={!pending} onClick={() => onReject('REJECT')}>
          {t('campaigns.registrations.rejectMenu')}
        </Button>
        <Button size="xs" color="red" variant="subtle" disabled={!pending} onClick={() => onReject('REJECT_FOREVER')}>
          {t('campaigns.registrations.rejectForeverMenu')}
        </Button>
        {closing > 0 && (
          <>
            <Button size="xs" color="orange" loading={deciding} onClick={() => onDecide('CLOSE')}>
              {t('campaigns.registrations.approveCancellations', { count: closing })}
            </Button>
            <Button size="xs" variant="default" loading={deciding} onClick={() => onDecide('KEEP')}>
              {t('campaigns.registrations.decline')}
            </Button>
          </>
        )}
        {anySelected > 0 && (
          <Button size="xs" variant="default" onClick={onClear}>
            {t('campaigns.registrations.clear')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
