/**
 * The campaign form's state on @mantine/form: the values, the rules (validateCampaignForm, run as the agency
 * types and again on submit) and the server's userErrors, which land on the field they name
 * (form.setErrors) and clear when that field changes.
 */
import { useForm } from '@mantine/form';
import { useRef, useState, type FormEvent } from 'react';
import { mapCampaignErrors, type CampaignUserErrorLike } from './campaignErrors';
import {
  validateCampaignForm,
  type CampaignFormErrors,
  type CampaignFormField,
  type CampaignFormValues,
  type CampaignRuleContext,
} from './campaignFormRules';
import { useT, type Translate } from '../../../i18n/context';
import { formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';

const EDIT_DELAY_MS = 30 * 60_000;

/** What the rules compare times with: now, or for a published campaign's edit the moment it will apply. */
function ruleContext(
  t: Translate,
  mode: 'create' | 'edit',
  values: CampaignFormValues,
  initial: CampaignFormValues,
  timeZone: string,
  appliesLater: boolean,
): CampaignRuleContext {
  const now = new Date();
  if (mode === 'create') return { timeZone, startAfter: now };
  const appliesAt = appliesLater ? new Date(now.getTime() + EDIT_DELAY_MS) : now;
  const changed = new Set((Object.keys(values) as CampaignFormField[]).filter((f) => values[f] !== initial[f]));
  return {
    timeZone,
    startAfter: changed.has('campaignStart') ? appliesAt : null,
    endsAfter: appliesAt,
    changed,
    afterLabel: appliesLater ? t('campaigns.form.whenApplies', { time: formatDateTime(appliesAt, timeZone) }) : undefined,
  };
}

/** Sets one field (marks it touched and clears the server's error on it, as @mantine/form does on change). */
export type SetCampaignField = <K extends CampaignFormField>(field: K, value: CampaignFormValues[K]) => void;
/** The error a field shows: the server's first, else the rule it breaks once touched (or after a submit). */
export type CampaignErrorOf = (field: CampaignFormField) => string | undefined;

export interface UseCampaignFormOptions {
  mode: 'create' | 'edit';
  initialValues: CampaignFormValues;
  editAppliesLater?: boolean;
  onSubmit: (values: CampaignFormValues) => Promise<ReadonlyArray<CampaignUserErrorLike>>;
}

export function useCampaignForm({ mode, initialValues, editAppliesLater, onSubmit }: UseCampaignFormOptions) {
  const t = useT();
  const rules = (values: CampaignFormValues): CampaignFormErrors =>
    validateCampaignForm(values, ruleContext(t, mode, values, initialValues, marketTimeZone(values.market || null), editAppliesLater ?? false));
  const form = useForm<CampaignFormValues>({ mode: 'controlled', initialValues, validate: rules, clearInputErrorOnChange: true });
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formErrors, setFormErrors] = useState<CampaignUserErrorLike[]>([]);
  const [unknownShopCodes, setUnknownShopCodes] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);

  const values = form.getValues();
  const timeZone = marketTimeZone(values.market || null);
  // The rules are read on every render: they compare times with now, and one field's rule can follow another's.
  const clientErrors = rules(values);
  const shown = (field: CampaignFormField) => submitted || form.isTouched(field);
  const errorOf: CampaignErrorOf = (field) => {
    const server = form.errors[field];
    return typeof server === 'string' ? server : shown(field) ? clientErrors[field] : undefined;
  };

  const set: SetCampaignField = (field, value) => {
    form.setFieldValue(field, value as never);
    if (field === 'shopCodes' && unknownShopCodes.length) setUnknownShopCodes([]);
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!form.isValid()) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const errors = await onSubmit(form.getValues());
      const mapped = mapCampaignErrors(errors);
      // One update replaces the last answer's field errors (setFieldError per field would merge into them).
      form.setErrors(mapped.fieldErrors);
      setFormErrors(mapped.formErrors);
      setUnknownShopCodes(mapped.unknownShopCodes);
      if (errors.length > 0) focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  return { values, set, errorOf, shown, clientErrors, submitted, saving, formErrors, unknownShopCodes, timeZone, formRef, submit };
}
