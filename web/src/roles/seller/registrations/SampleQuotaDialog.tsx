/** Raise a registration's sample quota; it can only go up. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkQuantity } from '../marketplace/registrationItemRules';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';

export interface SampleQuotaDialogProps {
  /** The registration's product title and current quota; null closes the dialog. */
  target: { title: string; current: number } | null;
  busy: boolean;
  serverError: string | null;
  onSave: (quota: number) => void;
  onClose: () => void;
}

export function SampleQuotaDialog({ target, busy, serverError, onSave, onClose }: SampleQuotaDialogProps) {
  const t = useT();
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
    <Modal opened={target !== null} onClose={close} title={t('seller.quota.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!check.error && check.value !== null) onSave(check.value);
        }}
      >
        <Stack>
          <Text size="sm">
            {t('seller.quota.body', { title: target?.title ?? '', count: current, shown: formatCount(current) })}
          </Text>
          <TextInput
            label={t('seller.quota.newQuota')}
            inputMode="numeric"
            required
            data-autofocus
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={serverError ?? (tried || text ? (check.error === `At least ${current + 1}` ? t('seller.quota.moreThan', { shown: formatCount(current) }) : check.error) : null)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('seller.quota.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
