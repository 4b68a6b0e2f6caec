/**
 * Create and edit a campaign. Every rule is checked as the agency types (validateCampaignForm); server
 * userErrors land at the field they name and clear when that field changes. Times are entered in the
 * market's zone; the registration start follows the campaign start and is shown, not entered.
 */
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  DESCRIPTION_MAX,
  NAME_MAX,
  SELLER_REQUIREMENTS_MAX,
  validateCampaignForm,
  type CampaignFormField,
  type CampaignFormValues,
  type CampaignRuleContext,
} from '../../../features/campaigns/campaignFormRules';
import { mapCampaignErrors, type CampaignUserErrorLike } from '../../../features/campaigns/campaignErrors';
import { MARKET_MESSENGER, MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { checkPercent, RATE_MAX_BPS, RATE_MIN_BPS } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { ShopCodesField } from '../../../features/campaigns/ShopCodesField';
import type { Market, Messenger } from '../../../generated/graphql';
import { useT, type Translate } from '../../../i18n/context';
import { formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { CampaignRulesChecklist } from './CampaignRulesChecklist';
import { CampaignScheduleFields } from './CampaignScheduleFields';

export interface CampaignFormProps {
  mode: 'create' | 'edit';
  initialValues: CampaignFormValues;
  /** Markets the agency serves (the create form's choices). */
  markets: ReadonlyArray<Market>;
  /** The campaign has started: its start can no longer move. */
  startLocked?: boolean;
  /** Nothing can be edited now (a pending change, or closed). */
  disabled?: boolean;
  submitLabel: string;
  /** The campaign was published: an edit applies 30 minutes after it is saved. */
  editAppliesLater?: boolean;
  /** Shown above the buttons, e.g. that edits apply 30 minutes later. */
  notice?: ReactNode;
  /** Sends the values; resolves with the server's userErrors (empty on success). */
  onSubmit: (values: CampaignFormValues) => Promise<ReadonlyArray<CampaignUserErrorLike>>;
  onCancel: () => void;
}

function Counter({ value, max }: { value: string; max: number }) {
  const over = value.length > max;
  return (
    <Text span size="xs" c={over ? 'red' : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value.length}/{max}
    </Text>
  );
}

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

export function CampaignForm({
  mode,
  initialValues,
  markets,
  startLocked,
  disabled,
  editAppliesLater,
  submitLabel,
  notice,
  onSubmit,
  onCancel,
}: CampaignFormProps) {
  const t = useT();
  /** What the handle field asks for: "LINE ID", "Viber number", … */
  const handleLabel = (m: Messenger) => (m === 'LINE' ? t('campaigns.form.lineId') : t('campaigns.form.messengerNumber', { messenger: MESSENGER_LABEL[m] }));
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<ReadonlySet<CampaignFormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [server, setServer] = useState(() => mapCampaignErrors([]));
  const formRef = useRef<HTMLFormElement>(null);

  const timeZone = marketTimeZone(values.market || null);
  const clientErrors = validateCampaignForm(values, ruleContext(t, mode, values, initialValues, timeZone, editAppliesLater ?? false));
  const errorOf = (field: CampaignFormField): string | undefined =>
    server.fieldErrors[field] ?? (submitted || touched.has(field) ? clientErrors[field] : undefined);

  const set = <K extends CampaignFormField>(field: K, value: CampaignFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((seen) => (seen.has(field) ? seen : new Set(seen).add(field)));
    if (server.fieldErrors[field] || (field === 'shopCodes' && server.unknownShopCodes.length)) {
      setServer((s) => {
        const fieldErrors = { ...s.fieldErrors };
        delete fieldErrors[field];
        return { ...s, fieldErrors, unknownShopCodes: field === 'shopCodes' ? [] : s.unknownShopCodes };
      });
    }
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const errors = await onSubmit(values);
      setServer(mapCampaignErrors(errors));
      if (errors.length > 0) focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const messenger = values.market ? MARKET_MESSENGER[values.market] : null;
  const rate = checkPercent(values.commissionRequirement);
  const locked = disabled || saving;

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={mode === 'create' ? t('campaigns.form.newTitle') : t('campaigns.form.editLabel')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="lg">
              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-basics">
                <Title order={2} size="h4" id="campaign-basics" mb="md">
                  {t('campaigns.form.basics')}
                </Title>
                <Stack gap="md">
                  <TextInput
                    label={t('campaigns.form.name')}
                    required
                    value={values.name}
                    onChange={(e) => set('name', e.currentTarget.value)}
                    error={errorOf('name')}
                    rightSection={<Counter value={values.name.trim()} max={NAME_MAX} />}
                    rightSectionWidth={56}
                    placeholder={t('campaigns.form.namePlaceholder')}
                  />
                  <Select
                    label={t('campaigns.details.market')}
                    required
                    description={
                      mode === 'edit'
                        ? t('campaigns.form.marketFixed')
                        : values.market
                          ? t('campaigns.form.marketMoneyTime', { currency: MARKETS[values.market].currency, market: MARKETS[values.market].name })
                          : t('campaigns.form.marketHint')
                    }
                    placeholder={t('campaigns.form.chooseMarket')}
                    data={markets.map((m) => ({ value: m, label: MARKETS[m].name }))}
                    value={values.market || null}
                    onChange={(v) => set('market', (v as Market | null) ?? '')}
                    error={errorOf('market')}
                    disabled={mode === 'edit'}
                    allowDeselect={false}
                  />
                  <Textarea
                    label={t('campaigns.detail.change.description')}
                    description={t('campaigns.form.descriptionHint')}
                    value={values.description}
                    onChange={(e) => set('description', e.currentTarget.value)}
                    error={errorOf('description')}
                    autosize
                    minRows={3}
                    maxRows={8}
                    rightSection={<Counter value={values.description} max={DESCRIPTION_MAX} />}
                    rightSectionWidth={72}
                    styles={{ section: { alignItems: 'flex-end', paddingBottom: 6 } }}
                  />
                  <Textarea
                    label={t('campaigns.detail.change.sellerRequirements')}
                    description={t('campaigns.form.requirementsHint')}
                    value={values.sellerRequirements}
                    onChange={(e) => set('sellerRequirements', e.currentTarget.value)}
                    error={errorOf('sellerRequirements')}
                    autosize
                    minRows={2}
                    maxRows={6}
                    rightSection={<Counter value={values.sellerRequirements} max={SELLER_REQUIREMENTS_MAX} />}
                    rightSectionWidth={72}
                    styles={{ section: { alignItems: 'flex-end', paddingBottom: 6 } }}
                  />
                  <RateInput
                    label={t('campaigns.detail.change.commissionRequirement')}
                    required
                    description={
                      rate.bps !== null && !rate.error
                        ? t('campaigns.form.rateOrMore', { rate: formatRate(rate.bps) })
                        : t('campaigns.form.rateHint', { min: formatRate(RATE_MIN_BPS), max: formatRate(RATE_MAX_BPS) })
                    }
                    value={values.commissionRequirement}
                    onChange={(text) => set('commissionRequirement', text)}
                    error={errorOf('commissionRequirement')}
                    w={{ base: '100%', sm: 320 }}
                  />
                </Stack>
              </Card>

              <CampaignScheduleFields values={values} set={set} errorOf={errorOf} timeZone={timeZone} hasMarket={Boolean(values.market)} startLocked={startLocked} />

              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-contact">
                <Title order={2} size="h4" id="campaign-contact" mb={4}>
                  {t('campaigns.detail.change.contact')}
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  {messenger
                    ? messenger.required
                      ? t('campaigns.form.messengerRequired', { market: MARKETS[values.market as Market].name, messenger: MESSENGER_LABEL[messenger.messenger] })
                      : t('campaigns.form.messengerOptional', { market: MARKETS[values.market as Market].name, messenger: MESSENGER_LABEL[messenger.messenger] })
                    : t('campaigns.form.messengerChooseMarket')}
                </Text>
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('campaigns.form.email')}
                      required
                      type="email"
                      autoComplete="email"
                      value={values.contactEmail}
                      onChange={(e) => set('contactEmail', e.currentTarget.value)}
                      error={errorOf('contactEmail')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('campaigns.form.phone')}
                      type="tel"
                      autoComplete="tel"
                      value={values.contactPhone}
                      onChange={(e) => set('contactPhone', e.currentTarget.value)}
                      error={errorOf('contactPhone')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={
                        messenger
                          ? messenger.required
                            ? handleLabel(messenger.messenger)
                            : t('campaigns.form.optional', { label: handleLabel(messenger.messenger) })
                          : t('campaigns.form.messenger')
                      }
                      required={messenger?.required ?? false}
                      disabled={!messenger}
                      value={values.messengerHandle}
                      onChange={(e) => set('messengerHandle', e.currentTarget.value)}
                      error={errorOf('messengerHandle')}
                    />
                  </Grid.Col>
                </Grid>
              </Card>

              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-targeting">
                <Title order={2} size="h4" id="campaign-targeting" mb="md">
                  {t('campaigns.form.whoCanRegister')}
                </Title>
                <Stack gap="md">
                  <Radio.Group
                    label={t('campaigns.detail.change.targetingMode')}
                    value={values.targetingMode}
                    onChange={(v) => set('targetingMode', v as CampaignFormValues['targetingMode'])}
                    error={errorOf('targetingMode')}
                  >
                    <Stack gap="xs" mt={6}>
                      <Radio value="OPEN" label={t('campaigns.form.open')} description={t('campaigns.form.openHint')} />
                      <Radio value="SELECTED" label={t('campaigns.detail.change.selectedShops')} description={t('campaigns.form.selectedHint')} />
                    </Stack>
                  </Radio.Group>
                  {values.targetingMode === 'SELECTED' && (
                    <ShopCodesField
                      value={values.shopCodes}
                      onChange={(text) => set('shopCodes', text)}
                      error={errorOf('shopCodes')}
                      unknownCodes={server.unknownShopCodes}
                    />
                  )}
                  <Select
                    label={t('campaigns.detail.change.targetSellerType')}
                    description={t('campaigns.form.sellerTypeHint')}
                    data={[
                      { value: '', label: t('campaigns.detail.anySellerType') },
                      { value: 'LOCAL', label: t('campaigns.details.localOnly') },
                      { value: 'CROSS_BORDER', label: t('campaigns.details.crossBorderOnly') },
                    ]}
                    value={values.sellerType}
                    onChange={(v) => set('sellerType', (v ?? '') as CampaignFormValues['sellerType'])}
                    error={errorOf('sellerType')}
                    allowDeselect={false}
                    w={{ base: '100%', sm: 320 }}
                  />
                </Stack>
              </Card>
            </Stack>
          </fieldset>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))' }}>
            <CampaignRulesChecklist values={values} mode={mode} errors={clientErrors} shown={(f) => submitted || touched.has(f)} />
            {server.formErrors.length > 0 && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('campaigns.form.notSaved')} role="alert">
                <Stack gap={4}>
                  {server.formErrors.map((e) => (
                    <Text size="sm" key={`${e.code}-${e.message}`}>
                      {e.message}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {submitted && Object.keys(clientErrors).length > 0 && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="form-error-summary">
                {t('campaigns.form.fixFields', { count: Object.keys(clientErrors).length })}
              </Alert>
            )}
            {notice && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                {notice}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onCancel} disabled={saving}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving} disabled={disabled}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
