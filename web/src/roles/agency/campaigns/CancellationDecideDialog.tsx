/** A seller asked to leave the campaign with a product: approve (→ closed) or decline (→ ongoing), with a note. */
import { Blockquote, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import { RegistrationHistoryDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { formatCount } from '../../../lib/format';

const NOTE_MAX = 500;

/** The seller's reason: the newest history entry that moved the registration to PENDING_CLOSED. */
function SellerReason({ registrationId }: { registrationId: string }) {
  const [{ data }] = useQuery({ query: RegistrationHistoryDocument, variables: { id: registrationId } });
  const node = data?.node;
  const history = node && node.__typename === 'Registration' ? (node.history ?? []) : [];
  const request = [...history].reverse().find((e) => e.toStatus === 'PENDING_CLOSED');
  if (!request?.reason) return null;
  return (
    <Blockquote p="sm" color="orange" cite={request.actorName ? `— ${request.actorName}` : undefined}>
      <Text size="sm">{request.reason}</Text>
    </Blockquote>
  );
}

export interface CancellationDecideDialogProps {
  registrationId: string | null;
  /** The product's title; null closes the dialog. */
  productTitle: string | null;
  busy: boolean;
  onDecide: (approve: boolean, note: string | null) => void;
  onClose: () => void;
}

export function CancellationDecideDialog({ registrationId, productTitle, busy, onDecide, onClose }: CancellationDecideDialogProps) {
  const t = useT();
  const form = useForm({
    mode: 'controlled',
    initialValues: { note: '' },
    validateInputOnChange: true,
    validate: { note: (value: string) => (value.length > NOTE_MAX ? t('campaigns.cancellation.noteTooLong', { max: formatCount(NOTE_MAX) }) : null) },
  });
  const note = form.values.note;
  const decide = (approve: boolean) => {
    if (!form.validate().hasErrors) onDecide(approve, note.trim() || null);
  };
  return (
    <Modal
      opened={productTitle !== null}
      onClose={() => {
        form.reset();
        onClose();
      }}
      title={t('campaigns.cancellation.title')}
      centered
    >
      <Stack>
        <Text size="sm">
          {richT(t, 'campaigns.cancellation.body', {}, { product: <b>{productTitle}</b> })}
        </Text>
        {registrationId && <SellerReason registrationId={registrationId} />}
        <Textarea
          label={t('campaigns.review.note')}
          description={t('campaigns.review.noteCount', { count: formatCount(note.length), max: formatCount(NOTE_MAX) })}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => decide(false)} loading={busy}>
            {t('campaigns.cancellation.decline')}
          </Button>
          <Button color="orange" onClick={() => decide(true)} loading={busy}>
            {t('campaigns.cancellation.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
