/** A seller asked to leave the campaign with a product: approve (→ closed) or decline (→ ongoing), with a note. */
import { Blockquote, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { RegistrationHistoryDocument } from '../../../generated/graphql';

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
  const [note, setNote] = useState('');
  const tooLong = note.length > NOTE_MAX;
  const decide = (approve: boolean) => {
    if (!tooLong) onDecide(approve, note.trim() || null);
  };
  return (
    <Modal
      opened={productTitle !== null}
      onClose={() => {
        setNote('');
        onClose();
      }}
      title="Cancellation request"
      centered
    >
      <Stack>
        <Text size="sm">
          The seller asked to end the collaboration for <b>{productTitle}</b>. Approving closes it: its links and showcase entries stop
          earning on new orders. Declining keeps it ongoing.
        </Text>
        {registrationId && <SellerReason registrationId={registrationId} />}
        <Textarea
          label="Note to the seller"
          description={`Optional · ${note.length}/${NOTE_MAX}`}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tooLong ? `At most ${NOTE_MAX} characters` : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => decide(false)} loading={busy}>
            Decline, keep it ongoing
          </Button>
          <Button color="orange" onClick={() => decide(true)} loading={busy}>
            Approve cancellation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
