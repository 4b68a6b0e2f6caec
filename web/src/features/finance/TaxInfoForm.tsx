/**
 * Tax info for review: the IRS W-9 for US payees (name, business name, entity, SSN or EIN, address, certification),
 * the local tax id elsewhere. Checked as typed; the server's userErrors land on the fields they name.
 */
import { Anchor, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { TaxInfoSubmitDocument, type Market, type TaxEntityType, type TinType } from '../../generated/graphql';
import { submitChecked } from '../../components/mutationResult';
import { marketName } from '../../lib/markets';
import {
  formatTinInput,
  LOCAL_TAX_ID,
  TAX_FIELDS,
  taxFormProblems,
  taxInfoInput,
  US_STATES,
  type TaxField,
  type TaxFormValues,
} from './taxForms';
import { useT } from '../../i18n/context';
import { richT } from '../../i18n/rich';
import { FormErrorAlert } from '../../components/FormErrorAlert';

export interface TaxInfoFormProps {
  market: Market;
  initial: TaxFormValues;
  /** Phone layout: larger controls, full-width buttons. */
  compact?: boolean;
  onSubmitted: () => void;
  onCancel?: () => void;
}

export function TaxInfoForm({ market, initial, compact = false, onSubmitted, onCancel }: TaxInfoFormProps) {
  const t = useT();
  const us = market === 'US';
  // Checked on submit; a field's error (the rule's or the server's) goes as soon as it is edited.
  const form = useForm<TaxFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => taxFormProblems(values, market, t),
  });
  const values = form.values;
  const errors: Partial<Record<TaxField, ReactNode>> = form.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, submit] = useMutation(TaxInfoSubmitDocument);
  const size = compact ? 'md' : 'sm';
  const local = us ? null : LOCAL_TAX_ID[market];
  const idField: TaxField = us ? 'tin' : 'taxId';

  /** The tax id is one value under two fields: "tin" in the US, "taxId" elsewhere. */
  const set = <K extends keyof TaxFormValues>(key: K, value: TaxFormValues[K]) => {
    form.setFieldValue(key, value as never);
    form.clearFieldError(key === 'taxId' ? idField : key);
  };

  const onSubmit = async () => {
    const result = await submitChecked(
      form,
      { fields: TAX_FIELDS, idPrefix: 'tax', setFormError },
      () => submit({ input: taxInfoInput(form.getValues(), market) }),
      (r) => r.data?.taxInfoSubmit.userErrors,
    );
    if (result) onSubmitted();
  };

  const input = (field: TaxField, key: keyof TaxFormValues, label: string, autoComplete: string, extra: Partial<TextInputProps> = {}) => (
    <TextInput
      id={`tax-${field}`}
      label={label}
      size={size}
      autoComplete={autoComplete}
      {...form.getInputProps(key)}
      onChange={(e) => set(key, e.currentTarget.value as never)}
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
      aria-label={us ? t('finance.taxForm.w9Label') : t('finance.taxForm.label')}
      data-testid="tax-info-form"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {us ? t('finance.taxForm.w9Intro') : t('finance.taxForm.localIntro', { market: marketName(market) })}
        </Text>
        <FormErrorAlert message={formError} />
        {input('legalName', 'legalName', us ? t('finance.taxForm.returnName') : t('finance.taxForm.legalName'), 'name', { required: true })}
        {us && input('businessName', 'businessName', t('finance.taxForm.businessName'), 'organization', { description: t('finance.taxForm.optional') })}
        <Radio.Group
          label={us ? t('finance.taxForm.classification') : t('finance.taxForm.youAre')}
          value={values.entityType}
          onChange={(v) => {
            set('entityType', v as TaxEntityType);
            if (v === 'BUSINESS' && us) {
              set('tinType', 'EIN');
              set('taxId', formatTinInput(values.taxId, 'EIN'));
            }
          }}
          error={errors.entityType}
          size={size}
        >
          <Group gap="lg" mt={4}>
            <Radio value="INDIVIDUAL" label={t('finance.taxForm.individual')} />
            <Radio value="BUSINESS" label={t('finance.taxForm.business')} />
          </Group>
        </Radio.Group>
        {us && (
          <Radio.Group
            id="tax-tinType"
            label={t('finance.taxForm.tin')}
            value={values.tinType}
            onChange={(v) => {
              set('tinType', v as TinType);
              set('taxId', formatTinInput(values.taxId, v as TinType));
            }}
            error={errors.tinType}
            size={size}
          >
            <Group gap="lg" mt={4}>
              <Radio value="SSN" label={t('finance.taxForm.ssn')} disabled={values.entityType === 'BUSINESS'} />
              <Radio value="EIN" label={t('finance.taxForm.ein')} />
            </Group>
          </Radio.Group>
        )}
        {us
          ? input('tin', 'taxId', values.tinType === 'SSN' ? 'SSN' : 'EIN', 'off', {
              required: true,
              inputMode: 'numeric',
              placeholder: values.tinType === 'SSN' ? '123-45-6789' : '12-3456789',
              value: values.taxId,
              onChange: (e) => set('taxId', formatTinInput(e.currentTarget.value, values.tinType)),
              description: t('finance.taxForm.last4Digits'),
              leftSection: <IconLock size={16} aria-hidden />,
            })
          : input('taxId', 'taxId', t(local!.label), 'off', {
              required: true,
              placeholder: local!.placeholder,
              description: t('finance.taxForm.last4Chars', { rule: t(local!.description) }),
              leftSection: <IconLock size={16} aria-hidden />,
            })}
        {input('line1', 'line1', t('finance.taxForm.street'), 'address-line1', { required: true })}
        {input('line2', 'line2', t('finance.taxForm.line2'), 'address-line2', { description: t('finance.taxForm.optional') })}
        <SimpleGrid cols={compact ? 1 : 3} spacing="sm">
          {input('city', 'city', t('finance.taxForm.city'), 'address-level2', { required: true })}
          {us ? (
            <Select
              id="tax-region"
              label={t('finance.taxForm.state')}
              size={size}
              required
              searchable
              data={US_STATES as Array<{ value: string; label: string }>}
              value={values.region || null}
              onChange={(v) => set('region', v ?? '')}
              error={errors.region}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            input('region', 'region', t('finance.taxForm.region'), 'address-level1', { description: t('finance.taxForm.optional') })
          )}
          {input('postalCode', 'postalCode', us ? t('finance.taxForm.zip') : t('finance.taxForm.postal'), 'postal-code', { required: true, placeholder: us ? '94105' : undefined })}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('finance.taxForm.country', { market: marketName(market) })}{errors.country ? ` — ${errors.country}` : ''}
        </Text>
        {us && (
          <Checkbox
            id="tax-certify"
            size={size}
            checked={values.certify}
            onChange={(e) => set('certify', e.currentTarget.checked)}
            error={errors.certify}
            label={
              <Text size="sm">
                {richT(t, 'finance.taxForm.certify', {}, {
                  about: (
                    <Anchor href="https://www.irs.gov/forms-pubs/about-form-w-9" target="_blank" rel="noopener noreferrer" size="sm">
                      {t('finance.taxForm.aboutW9')}
                    </Anchor>
                  ),
                })}
              </Text>
            }
          />
        )}
        <Group gap="sm" mt="xs" grow={compact}>
          {onCancel && (
            <Button variant="default" size={size} onClick={onCancel} disabled={fetching}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" size={size} loading={fetching}>
            {t('finance.taxForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
