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
import { useT } from '../../i18n/context';
import { richT } from '../../i18n/rich';
import { describeError } from '../../lib/errors';
import { DISPUTE_TYPE_LABEL, LINE_DISPUTE_TYPES } from './disputeText';

export function LineDisputeForm({ lineId, currency, inboxHref }: { lineId: string; currency: string; inboxHref: string }) {
  const t = useT();
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
        {richT(t, 'disputes.line.opened', {}, { follow: <Link to={inboxHref}>{t('disputes.line.follow')}</Link> })}
      </Text>
    );
  }
  if (!shown) {
    return (
      <Button variant="light" color="orange" size="xs" onClick={() => setShown(true)}>
        {t('disputes.line.question')}
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
        label={t('disputes.line.what')}
        data={LINE_DISPUTE_TYPES.map((d) => ({ value: d, label: t(DISPUTE_TYPE_LABEL[d]) }))}
        value={type}
        onChange={(v) => v && setType(v as DisputeType)}
        allowDeselect={false}
      />
      <Textarea label={t('disputes.line.why')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors['message.body'] ?? errors.form} maxLength={2000} autosize minRows={2} />
      <TextInput label={t('disputes.line.amount', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.claimedAmount} inputMode="decimal" />
      <Button onClick={submit} loading={fetching}>
        {t('disputes.line.submit')}
      </Button>
    </Stack>
  );
}
