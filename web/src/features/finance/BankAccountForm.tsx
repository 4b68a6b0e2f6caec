/**
 * Link the bank account payouts go to (only once the tax info is approved): the holder, the bank, the account number
 * and the market's routing code. The number goes to the payment processor; only its last four digits come back.
 */
import { Button, Group, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { BankAccountLinkDocument, type Market } from '../../generated/graphql';
import { submitChecked } from '../../components/mutationResult';
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
  // Checked on submit; a field's error (the rule's or the server's) goes as soon as it is edited.
  const form = useForm<BankFormValues>({
    mode: 'controlled',
    initialValues: { holderName, bankName: '', accountNumber: '', routingCode: '' },
    validate: (values) => bankFormProblems(values, market, t),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, link] = useMutation(BankAccountLinkDocument);
  const size = compact ? 'md' : 'sm';

  const onSubmit = async () => {
    const result = await submitChecked(
      form,
      { fields: BANK_FIELDS, idPrefix: 'bank', setFormError },
      () => link({ input: bankAccountInput(form.getValues()) }),
      (r) => r.data?.bankAccountLink.userErrors,
    );
    if (result) onLinked(result.data?.bankAccountLink.bankAccount?.accountNumberLast4 ?? null);
  };

  const input = (field: BankField, label: string, autoComplete: string, extra: Partial<TextInputProps> = {}) => (
    <TextInput
      id={`bank-${field}`}
      label={label}
      size={size}
      required
      autoComplete={autoComplete}
      {...form.getInputProps(field)}
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
