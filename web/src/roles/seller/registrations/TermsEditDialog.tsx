/** Change a PENDING registration's terms in place: it keeps its place in the agency's review queue, and the
 * agency sees the change in the registration's history and live. */
import { Alert, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { bpsToPercentText } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { checkItemTerms, ITEM_FIELD_OF_INPUT, type ItemTermsText } from '../marketplace/registrationItemRules';
import { RegistrationTermsUpdateDocument } from '../../../generated/graphql';
import { mutationFormErrors, showFormProblems } from '../../../components/mutationResult';
import { valueProps } from '../../../components/valueProps';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { FormActions } from '../../../components/FormActions';

export interface TermsTarget {
  id: string;
  title: string;
  commissionRequirementBps: number;
  totalRateBps: number | null;
  sampleQuota: number | null;
  shopAdsRateBps: number | null;
  contactEmail: string | null;
  contactWhatsapp: string | null;
}

type Values = ItemTermsText & { email: string; whatsapp: string };
const FIELDS = ['rate', 'samples', 'adsRate', 'email', 'whatsapp'] as const;
const ALIASES = { ...ITEM_FIELD_OF_INPUT, contactEmail: 'email', contactWhatsapp: 'whatsapp' } as const;

export function TermsEditDialog({ target, onClose, onSaved }: { target: TermsTarget; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  // Checked on submit; an error (the rule's or the server's) stays at its field until the next try.
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      rate: target.totalRateBps === null ? '' : bpsToPercentText(target.totalRateBps),
      samples: String(target.sampleQuota ?? 0),
      adsRate: target.shopAdsRateBps === null ? '' : bpsToPercentText(target.shopAdsRateBps),
      email: target.contactEmail ?? '',
      whatsapp: target.contactWhatsapp ?? '',
    },
    clearInputErrorOnChange: false,
    validate: (values) => ({
      ...checkItemTerms(values, target.commissionRequirementBps).errors,
      email: values.email.trim() ? null : t('seller.terms.enterEmail'),
    }),
  });
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(RegistrationTermsUpdateDocument);

  const submit = async () => {
    setGeneralError(null);
    if (form.validate().hasErrors) return;
    const values = form.getValues();
    const checked = checkItemTerms(values, target.commissionRequirementBps);
    const email = values.email.trim();
    const whatsapp = values.whatsapp.trim();
    const result = await save({
      input: {
        id: target.id,
        totalRateBps: checked.totalRateBps,
        sampleQuota: checked.sampleQuota,
        shopAdsRateBps: checked.shopAdsRateBps,
        clearShopAdsRate: checked.shopAdsRateBps === null && target.shopAdsRateBps !== null,
        contactEmail: email,
        contactWhatsapp: whatsapp || null,
        clearContactWhatsapp: !whatsapp && target.contactWhatsapp !== null,
      },
    });
    const payload = result.data?.registrationTermsUpdate;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS, ALIASES);
    if (problems || !payload) {
      setGeneralError(problems ? showFormProblems(form, problems) : t('seller.noAnswer'));
      return;
    }
    onSaved();
  };

  return (
    <Modal opened onClose={onClose} title={t('seller.terms.title')} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{richT(t, 'seller.terms.body', {}, { title: <b>{target.title}</b> })}</Text>
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <RateInput label={t('seller.terms.totalCommission')} required {...valueProps(form, 'rate')}
              description={t('seller.terms.atLeast', { rate: bpsToPercentText(target.commissionRequirementBps) })} data-autofocus />
            <TextInput label={t('seller.terms.sampleQuota')} inputMode="numeric" {...form.getInputProps('samples')} />
            <RateInput label={t('seller.terms.adsRate')} {...valueProps(form, 'adsRate')} description={t('seller.optional')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('seller.terms.contactEmail')} required type="email" {...form.getInputProps('email')} />
            <TextInput label={t('seller.terms.whatsapp')} {...form.getInputProps('whatsapp')} description={t('seller.optional')} />
          </SimpleGrid>
          <FormActions submitLabel={t('seller.terms.save')} onCancel={onClose} busy={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
