/**
 * Link the bank account payouts go to (only once the tax info is approved): the holder, the bank, the account number
 * and the market's routing code. The number goes to the payment processor; only its last four digits come back.
 */
import { Button, Group, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { BankAccountLinkDocument, type Market } from '../../generated/graphql';
import { mutationFormErrors } from '../../components/mutationResult';
import { BANK_FIELDS, bankAccountInput, bankFields, bankFormProblems, type BankField, type BankFormValues } from './taxForms';
import { useT } from '../../i18n/context';
import { FormErrorAlert } from '../../components/FormErrorAlert';

export interface BankAccountFormProps {
  market: Market;
  currency: string;
  holderName: string;
  compact?: boolean;
  onLinked: (last4: string | null) => void;
  onCancel?: () => void;
}

export function BankAccountForm({ market, currency, holderName, compact = false, onLinked, onCancel }: BankAccountFormProps) {
  const t = useT();
  const fields = bankFields(market, t);
  const [values, setValues] = useState<BankFormValues>({ holderName, bankName: '', accountNumber: '', routingCode: '' });
  const [errors, setErrors] = useState<Partial<Record<BankField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, link] = useMutation(BankAccountLinkDocument);
  const size = compact ? 'md' : 'sm';

  const focusFirst = (problems: Partial<Record<BankField, string>>) => {
    const first = BANK_FIELDS.find((f) => problems[f]);
    if (first) document.getElementById(`bank-${first}`)?.focus();
  };

  const onSubmit = async () => {
    setFormError(null);
    const problems = bankFormProblems(values, market, t);
    setErrors(problems);
    if (Object.keys(problems).length) return focusFirst(problems);
    const result = await link({ input: bankAccountInput(values) });
    const payload = result.data?.bankAccountLink;
    const split = mutationFormErrors(result, payload?.userErrors, BANK_FIELDS);
    if (split) {
      setErrors(split.fieldErrors);
      setFormError(split.formErrors.join(' ') || null);
      return focusFirst(split.fieldErrors);
    }
    onLinked(payload?.bankAccount?.accountNumberLast4 ?? null);
  };

  const input = (field: BankField, label: string, autoComplete: string, extra: Partial<TextInputProps> = {}) => (
    <TextInput
      id={`bank-${field}`}
      label={label}
      size={size}
      required
      autoComplete={autoComplete}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
        setErrors((er) => ({ ...er, [field]: undefined }));
      }}
      error={errors[field]}
      {...extra}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
      aria-label={t('finance.bank.title')}
      data-testid="bank-account-form"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('finance.bank.payoutsIn', { currency })}
        </Text>
        <FormErrorAlert message={formError} />
        {input('holderName', t('finance.bank.holder'), 'name')}
        {input('bankName', t('finance.bank.bank'), 'organization')}
        <SimpleGrid cols={compact ? 1 : 2} spacing="sm">
          {input('accountNumber', fields.accountLabel, 'off', {
            inputMode: 'numeric',
            description: t('finance.bank.accountHint', { rule: fields.accountDescription }),
            leftSection: <IconLock size={16} aria-hidden />,
          })}
          {input('routingCode', fields.routingLabel, 'off', { description: fields.routingDescription, placeholder: fields.routingPlaceholder })}
        </SimpleGrid>
        <Group gap="sm" mt="xs" grow={compact}>
          {onCancel && (
            <Button variant="default" size={size} onClick={onCancel} disabled={fetching}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" size={size} loading={fetching}>
            {t('finance.bank.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
