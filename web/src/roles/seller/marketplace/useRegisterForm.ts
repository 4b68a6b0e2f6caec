/**
 * The registration form's state, on @mantine/form: the products picked (each with its terms and the server's
 * errors for it), the contact, the checks, and the submit that registers them: items that failed stay picked with
 * their errors, the others join `registered`.
 */
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type RefObject } from 'react';
import { useMutation } from 'urql';
import { bpsToPercentText } from '../../../features/campaigns/percent';
import { checkItemTerms, itemErrorField, type ItemField, type ItemTermsText } from './registrationItemRules';
import { windowErrorMessage } from './windowErrors';
import { RegistrationCreateDocument, type SellerProductsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WHATSAPP_RE = /^\+?[0-9][0-9 ()-]{5,30}$/;

export type Product = SellerProductsQuery['products']['edges'][number]['node'];

export interface SelectedItem {
  product: Product;
  terms: ItemTermsText;
  /** Errors the server reported for this item, by field ('product' for the item as a whole). */
  serverErrors: Partial<Record<ItemField | 'product', string>>;
}

export interface Registered {
  product: Product;
  rateBps: number;
}

interface RegisterValues {
  items: SelectedItem[];
  applyAll: string;
  /** null until edited: the shop's contact email stands in. */
  contactEmail: string | null;
  contactWhatsapp: string;
}

export interface RegisterFormOptions {
  campaignId: string;
  /** The campaign's minimum total rate (the default rate of a picked product). */
  requirement: number;
  /** The campaign market's time zone (registration-window errors). */
  timeZone: string;
  /** The shop's contact email, the default of the form's. */
  shopEmail: string | null | undefined;
  /** The form (the first invalid field takes the focus on a submit with errors). */
  formRef: RefObject<HTMLFormElement | null>;
  /** Some registrations were made. */
  onRegistered: () => void;
}

export function useRegisterForm({ campaignId, requirement, timeZone, shopEmail, formRef, onRegistered }: RegisterFormOptions) {
  const t = useT();
  const emailRule = (value: string | null) => {
    const email = (value ?? shopEmail ?? '').trim();
    return !email ? t('seller.terms.enterEmail') : !EMAIL_RE.test(email) ? t('seller.register.validEmail') : null;
  };
  const whatsappRule = (value: string) => (value.trim() && !WHATSAPP_RE.test(value.trim()) ? t('seller.register.validWhatsapp') : null);
  // form.errors holds the server's errors of the contact (each goes when its field is edited); the rules' errors
  // are worked out as typed: the email's shows once submitted, the WhatsApp number's at once.
  const form = useForm<RegisterValues>({
    mode: 'controlled',
    initialValues: { items: [], applyAll: '', contactEmail: null, contactWhatsapp: '' },
    validate: { contactEmail: emailRule, contactWhatsapp: whatsappRule },
  });
  const [submitted, setSubmitted] = useState(false);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered[]>([]);
  const [{ fetching: saving }, create] = useMutation(RegistrationCreateDocument);

  const { items: selected, applyAll, contactWhatsapp: whatsapp } = form.values;
  const email = form.values.contactEmail ?? shopEmail ?? '';
  const checked = selected.map((item) => checkItemTerms(item.terms, requirement));
  const invalidCount = checked.filter((c) => Object.keys(c.errors).length > 0).length;

  const isSelected = (id: string) => selected.some((s) => s.product.id === id);
  const toggle = (product: Product) => {
    const at = selected.findIndex((s) => s.product.id === product.id);
    if (at >= 0) form.removeListItem('items', at);
    else form.insertListItem('items', { product, terms: { rate: applyAll || bpsToPercentText(requirement), samples: '0', adsRate: '' }, serverErrors: {} });
  };
  const setTerm = (id: string, field: ItemField, value: string) =>
    form.setFieldValue('items', (items) =>
      items.map((s) => (s.product.id === id ? { ...s, terms: { ...s.terms, [field]: value }, serverErrors: { ...s.serverErrors, [field]: undefined, product: undefined } } : s)),
    );
  const emailProps = { ...form.getInputProps('contactEmail'), value: email, error: form.errors.contactEmail ?? (submitted ? emailRule(form.values.contactEmail) : null) };
  const whatsappProps = { ...form.getInputProps('contactWhatsapp'), error: form.errors.contactWhatsapp ?? whatsappRule(whatsapp) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (selected.length === 0 || invalidCount > 0 || !form.isValid()) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const items = selected.map((s, i) => ({
      productId: s.product.id,
      totalRateBps: checked[i]!.totalRateBps!,
      sampleQuota: checked[i]!.sampleQuota!,
      shopAdsRateBps: checked[i]!.shopAdsRateBps,
    }));
    const result = await create({ input: { campaignId, items, contactEmail: email.trim(), contactWhatsapp: whatsapp.trim() || null } });
    const payload = result.data?.registrationCreate;
    form.clearErrors();
    if (result.error || !payload) {
      setGeneralError(result.error ? describeError(result.error) : t('seller.noAnswer'));
      return;
    }
    const general: string[] = [];
    for (const e of payload.userErrors) {
      const field = e.field?.[e.field.length - 1];
      if (field === 'contactEmail' || field === 'contactWhatsapp') form.setFieldError(field, e.message);
      else general.push(windowErrorMessage(e, timeZone));
    }
    setGeneralError(general.join(' ') || null);
    if (payload.userErrors.length) return;
    const done: Registered[] = [];
    const remaining: SelectedItem[] = [];
    payload.results.forEach((r) => {
      const item = selected[r.index];
      if (!item) return;
      if (r.registration && r.userErrors.length === 0) {
        done.push({ product: item.product, rateBps: r.registration.totalRateBps ?? items[r.index]!.totalRateBps });
        return;
      }
      const serverErrors: SelectedItem['serverErrors'] = {};
      for (const e of r.userErrors) {
        const key = itemErrorField(e.field) ?? 'product';
        serverErrors[key] = serverErrors[key] ? `${serverErrors[key]} ${e.message}` : e.message;
      }
      remaining.push({ ...item, serverErrors });
    });
    form.setFieldValue('items', remaining);
    setRegistered((prev) => [...done, ...prev]);
    setSubmitted(false);
    onRegistered();
    if (done.length)
      notifications.show({
        color: remaining.length ? 'orange' : 'teal',
        title: t('seller.register.doneTitle', { count: done.length, shown: formatCount(done.length) }),
        message: remaining.length ? t('seller.register.someFailed', { shown: formatCount(remaining.length) }) : t('seller.register.doneBody'),
      });
  };

  return {
    selected,
    checked,
    applyAll,
    setApplyAll: (value: string) => form.setFieldValue('applyAll', value),
    emailProps,
    whatsappProps,
    submitted,
    generalError,
    registered,
    invalidCount,
    saving,
    isSelected,
    toggle,
    setTerm,
    submit,
  };
}

export type RegisterForm = ReturnType<typeof useRegisterForm>;
