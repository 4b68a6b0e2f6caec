/** Reject a payee's tax information with the reason it reads (required; the server's answer shows at the field). */
import { Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PaymentAccountsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { FormActions } from '../../../components/FormActions';

type Account = PaymentAccountsQuery['paymentAccounts']['edges'][number]['node'];
const REASON_MAX = 500;

export interface TaxRejectDialogProps {
  /** The account under review; null closes the dialog. */
  account: Pick<Account, 'payeeName'> | null;
  busy: boolean;
  /** Resolves to the server's problem, or null once the rejection went through. */
  onReject: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

export function TaxRejectDialog({ account, busy, onReject, onClose }: TaxRejectDialogProps) {
  const t = useT();
  // Checked on submit; an error (the rule's or the server's) goes as soon as the reason is edited.
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (value: string) => (value.trim() ? null : t('operator.tax.tellPayee')) },
  });
  const submit = async (values: { reason: string }) => {
    const problem = await onReject(values.reason.trim());
    if (problem) form.setFieldError('reason', problem);
    else form.reset();
  };
  return (
    <Modal opened={account !== null} onClose={onClose} title={account ? t('operator.tax.rejectOf', { name: account.payeeName }) : ''} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack>
          <Textarea
            label={t('operator.tax.reason')}
            description={t('operator.tax.reasonHint')}
            placeholder={t('operator.tax.reasonPlaceholder')}
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            required
            {...form.getInputProps('reason')}
            data-autofocus
          />
          <FormActions onCancel={onClose} cancelDisabled={busy} submitLabel={t('operator.tax.reject')} color="red" busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
