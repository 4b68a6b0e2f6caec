/**
 * "Question this commission": a creator opens a money dispute from an order line's receipt — what is wrong, why,
 * and what it asks for. Server userErrors land at their field. The inbox (Disputes) follows it from there; the
 * resolution shows up on this receipt as a ledger posting.
 */
import { Button, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { mutationFormErrors, showFormProblems } from '../../components/mutationResult';
import { DisputeOpenDocument, type DisputeType } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { richT } from '../../i18n/rich';
import { DISPUTE_TYPE_LABEL, LINE_DISPUTE_TYPES } from './disputeText';

const FIELDS = ['type', 'body', 'amount'] as const;
/** The input's fields the form names otherwise (message.body is "body" already). */
const ALIASES = { claimedAmount: 'amount' } as const;

export function LineDisputeForm({ lineId, currency, inboxHref }: { lineId: string; currency: string; inboxHref: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  // The server checks it; its errors stay at their fields until the next try, the rest shows at the reason.
  const form = useForm<{ type: DisputeType; body: string; amount: string }>({
    mode: 'controlled',
    initialValues: { type: 'WRONG_COMMISSION', body: '', amount: '' },
    clearInputErrorOnChange: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
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
    const { type, body, amount } = form.getValues();
    const input = { type, subjectId: lineId, message: { body }, ...(amount.trim() ? { claimedAmount: amount.trim() } : {}) };
    const result = await open({ input });
    const payload = result.data?.disputeOpen;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS, ALIASES);
    if (problems) return setFormError(showFormProblems(form, problems));
    setOpenedId(payload!.dispute!.id);
  };
  return (
    <Stack gap="xs" data-testid="line-dispute-form">
      <Select
        label={t('disputes.line.what')}
        data={LINE_DISPUTE_TYPES.map((d) => ({ value: d, label: t(DISPUTE_TYPE_LABEL[d]) }))}
        {...form.getInputProps('type')}
        allowDeselect={false}
      />
      <Textarea label={t('disputes.line.why')} {...form.getInputProps('body')} error={form.errors.body ?? formError} maxLength={2000} autosize minRows={2} />
      <TextInput label={t('disputes.line.amount', { currency })} {...form.getInputProps('amount')} inputMode="decimal" />
      <Button onClick={submit} loading={fetching}>
        {t('disputes.line.submit')}
      </Button>
    </Stack>
  );
}
