/**
 * Create and edit a campaign. The state lives in useCampaignForm (@mantine/form): every rule is checked as the
 * agency types (validateCampaignForm); server userErrors land at the field they name and clear when that field
 * changes. Times are entered in the market's zone; the registration start follows the campaign start and is
 * shown, not entered.
 */
import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CampaignUserErrorLike } from './campaignErrors';
import type { CampaignFormValues } from './campaignFormRules';
import type { Market } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { CampaignBasicsCard } from './CampaignBasicsCard';
import { CampaignContactCard } from './CampaignContactCard';
import { CampaignRulesChecklist } from './CampaignRulesChecklist';
import { CampaignScheduleFields } from './CampaignScheduleFields';
import { CampaignTargetingCard } from './CampaignTargetingCard';
import { useCampaignForm } from './useCampaignForm';

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
  const { values, set, errorOf, shown, clientErrors, submitted, saving, formErrors, unknownShopCodes, timeZone, formRef, submit } =
    useCampaignForm({ mode, initialValues, editAppliesLater, onSubmit });
  const locked = disabled || saving;

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={mode === 'create' ? t('campaigns.form.newTitle') : t('campaigns.form.editLabel')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="lg">
              <CampaignBasicsCard values={values} set={set} errorOf={errorOf} mode={mode} markets={markets} />
              <CampaignScheduleFields values={values} set={set} errorOf={errorOf} timeZone={timeZone} hasMarket={Boolean(values.market)} startLocked={startLocked} />
              <CampaignContactCard values={values} set={set} errorOf={errorOf} />
              <CampaignTargetingCard values={values} set={set} errorOf={errorOf} unknownShopCodes={unknownShopCodes} />
            </Stack>
          </fieldset>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))' }}>
            <CampaignRulesChecklist values={values} mode={mode} errors={clientErrors} shown={shown} />
            {formErrors.length > 0 && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('campaigns.form.notSaved')} role="alert">
                <Stack gap={4}>
                  {formErrors.map((e) => (
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
