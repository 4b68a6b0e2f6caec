/** Reject or reject forever one or many registrations: a reason code (required) and an optional note. */
import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { REJECT_REASON_LABEL, REJECT_REASONS } from '../../../features/registrations/rejectReasons';
import type { RejectReason } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';
import { FormActions } from '../../../components/FormActions';

const NOTE_MAX = 500;

export interface ReviewDialogProps {
  /** Which rejection; null closes the dialog. */
  decision: 'REJECT' | 'REJECT_FOREVER' | null;
  /** How many registrations (or the one product's title). */
  subject: string;
  busy: boolean;
  onConfirm: (reason: RejectReason, note: string | null) => void;
  onClose: () => void;
}

export function ReviewDialog({ decision, subject, busy, onConfirm, onClose }: ReviewDialogProps) {
  const t = useT();
  const [tried, setTried] = useState(false);
  const form = useForm<{ reason: RejectReason | null; note: string }>({
    mode: 'controlled',
    initialValues: { reason: null, note: '' },
    validateInputOnChange: true,
    validate: {
      reason: (value) => (value ? null : t('campaigns.review.reasonRequired')),
      note: (value) => (value.length > NOTE_MAX ? t('campaigns.review.noteTooLong', { max: formatCount(NOTE_MAX), count: formatCount(value.length) }) : null),
    },
  });
  const forever = decision === 'REJECT_FOREVER';
  const note = form.values.note;

  const close = () => {
    form.reset();
    setTried(false);
    onClose();
  };

  return (
    <Modal opened={decision !== null} onClose={close} title={forever ? t('campaigns.review.rejectForeverTitle', { subject }) : t('campaigns.review.rejectTitle', { subject })} centered size="lg">
      <form
        onSubmit={(e) => {
          setTried(true);
          form.onSubmit((values) => {
            if (values.reason) onConfirm(values.reason, values.note.trim() || null);
          })(e);
        }}
      >
        <Stack>
          {forever ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('campaigns.review.foreverWarning')}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('campaigns.review.rejectHint')}
            </Text>
          )}
          <Select
            label={t('campaigns.review.reason')}
            required
            placeholder={t('campaigns.review.chooseReason')}
            data={REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABEL[r] }))}
            {...form.getInputProps('reason')}
            // "Choose why" waits for the first try; "too long" shows as soon as it is.
            error={tried ? form.errors.reason : undefined}
            data-autofocus
          />
          <Textarea
            label={t('campaigns.review.note')}
            description={t('campaigns.review.noteCount', { count: formatCount(note.length), max: formatCount(NOTE_MAX) })}
            autosize
            minRows={3}
            maxRows={6}
            {...form.getInputProps('note')}
          />
          <FormActions onCancel={close} cancelDisabled={busy} submitLabel={forever ? t('campaigns.review.rejectForever') : t('campaigns.review.reject')} color="red" busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
