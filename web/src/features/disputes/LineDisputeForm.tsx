/**
 * "Question this commission": a creator opens a money dispute from an order line's receipt — what is wrong, why,
 * and what it asks for. Server userErrors land at their field. The inbox (Disputes) follows it from there; the
 * resolution shows up on this receipt as a ledger posting.
 */
import { Button, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { DisputeOpenDocument, type DisputeType } from '../../generated/graphql';
import { describeError } from '../../lib/errors';
import { DISPUTE_TYPE_LABEL, LINE_DISPUTE_TYPES } from './disputeText';

export function LineDisputeForm({ lineId, currency, inboxHref }: { lineId: string; currency: string; inboxHref: string }) {
  const [shown, setShown] = useState(false);
  const [type, setType] = useState<DisputeType>('WRONG_COMMISSION');
  const [body, setBody] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [{ fetching }, open] = useMutation(DisputeOpenDocument);

  if (openedId) {
    return (
      <Text size="sm" data-testid="dispute-opened">
        Dispute opened: the agency answers within its deadline. <Link to={inboxHref}>Follow it in Disputes</Link>
      </Text>
    );
  }
  if (!shown) {
    return (
      <Button variant="light" color="orange" size="xs" onClick={() => setShown(true)}>
        Question this commission
      </Button>
    );
  }
  const submit = async () => {
    const input = { type, subjectId: lineId, message: { body }, ...(amount.trim() ? { claimedAmount: amount.trim() } : {}) };
    const result = await open({ input });
    if (result.error) return setErrors({ form: describeError(result.error) });
    const payload = result.data!.disputeOpen;
    if (payload.userErrors.length) {
      return setErrors(Object.fromEntries(payload.userErrors.map((e) => [e.field?.slice(1).join('.') ?? 'form', e.message])));
    }
    setOpenedId(payload.dispute!.id);
  };
  return (
    <Stack gap="xs" data-testid="line-dispute-form">
      <Select
        label="What is wrong"
        data={LINE_DISPUTE_TYPES.map((t) => ({ value: t, label: DISPUTE_TYPE_LABEL[t] }))}
        value={type}
        onChange={(v) => v && setType(v as DisputeType)}
        allowDeselect={false}
      />
      <Textarea label="Tell the agency why" value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors['message.body'] ?? errors.form} maxLength={2000} autosize minRows={2} />
      <TextInput label={`Amount you ask for (${currency}, optional)`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.claimedAmount} inputMode="decimal" />
      <Button onClick={submit} loading={fetching}>
        Open dispute
      </Button>
    </Stack>
  );
}
