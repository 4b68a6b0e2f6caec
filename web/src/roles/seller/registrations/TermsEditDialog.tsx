/** Change a PENDING registration's terms in place: it keeps its place in the agency's review queue, and the
 * agency sees the change in the registration's history and live. */
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { bpsToPercentText } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { checkItemTerms, itemErrorField, type ItemField } from '../marketplace/registrationItemRules';
import { RegistrationTermsUpdateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

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

type Field = ItemField | 'email' | 'whatsapp' | 'general';

export function TermsEditDialog({ target, onClose, onSaved }: { target: TermsTarget; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [rate, setRate] = useState(target.totalRateBps === null ? '' : bpsToPercentText(target.totalRateBps));
  const [samples, setSamples] = useState(String(target.sampleQuota ?? 0));
  const [adsRate, setAdsRate] = useState(target.shopAdsRateBps === null ? '' : bpsToPercentText(target.shopAdsRateBps));
  const [email, setEmail] = useState(target.contactEmail ?? '');
  const [whatsapp, setWhatsapp] = useState(target.contactWhatsapp ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [{ fetching }, save] = useMutation(RegistrationTermsUpdateDocument);

  const submit = async () => {
    const checked = checkItemTerms({ rate, samples, adsRate }, target.commissionRequirementBps);
    const local: typeof errors = { ...checked.errors };
    if (!email.trim()) local.email = t('seller.terms.enterEmail');
    setErrors(local);
    if (Object.keys(local).length) return;
    const result = await save({
      input: {
        id: target.id,
        totalRateBps: checked.totalRateBps,
        sampleQuota: checked.sampleQuota,
        shopAdsRateBps: checked.shopAdsRateBps,
        clearShopAdsRate: checked.shopAdsRateBps === null && target.shopAdsRateBps !== null,
        contactEmail: email.trim(),
        contactWhatsapp: whatsapp.trim() || null,
        clearContactWhatsapp: !whatsapp.trim() && target.contactWhatsapp !== null,
      },
    });
    const payload = result.data?.registrationTermsUpdate;
    if (result.error || !payload) {
      setErrors({ general: result.error ? describeError(result.error) : t('seller.noAnswer') });
      return;
    }
    if (payload.userErrors.length) {
      const next: typeof errors = {};
      for (const e of payload.userErrors) {
        const last = e.field?.[e.field.length - 1];
        const key: Field = last === 'contactEmail' ? 'email' : last === 'contactWhatsapp' ? 'whatsapp' : (itemErrorField(e.field) ?? 'general');
        next[key] = next[key] ? `${next[key]} ${e.message}` : e.message;
      }
      setErrors(next);
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
          {errors.general && (
            <Alert color="red" variant="light" role="alert">
              {errors.general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <RateInput label={t('seller.terms.totalCommission')} required value={rate} onChange={setRate} error={errors.rate}
              description={t('seller.terms.atLeast', { rate: bpsToPercentText(target.commissionRequirementBps) })} data-autofocus />
            <TextInput label={t('seller.terms.sampleQuota')} inputMode="numeric" value={samples} onChange={(e) => setSamples(e.currentTarget.value)} error={errors.samples} />
            <RateInput label={t('seller.terms.adsRate')} value={adsRate} onChange={setAdsRate} error={errors.adsRate} description={t('seller.optional')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('seller.terms.contactEmail')} required type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
            <TextInput label={t('seller.terms.whatsapp')} value={whatsapp} onChange={(e) => setWhatsapp(e.currentTarget.value)} error={errors.whatsapp} description={t('seller.optional')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('seller.terms.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
