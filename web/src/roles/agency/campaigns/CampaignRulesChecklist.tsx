/** The campaign rules as a live checklist beside the form: each turns green as it is met. */
import { Card, List, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import {
  DESCRIPTION_MAX,
  MAX_PERIOD_DAYS,
  NAME_MAX,
  type CampaignFormErrors,
  type CampaignFormField,
  type CampaignFormValues,
} from './campaignFormRules';
import { RATE_MAX_BPS, RATE_MIN_BPS } from '../../../features/campaigns/percent';
import { MAX_TARGET_SHOPS } from './shopCodes';
import { MARKET_MESSENGER, MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { useT, type Translate } from '../../../i18n/context';
import { formatCount, formatRate } from '../../../lib/format';

interface Rule {
  key: string;
  label: string;
  fields: CampaignFormField[];
  /** Not applicable yet (e.g. no market chosen). */
  pending?: boolean;
}

function rulesFor(t: Translate, values: CampaignFormValues, mode: 'create' | 'edit'): Rule[] {
  const messenger = values.market ? MARKET_MESSENGER[values.market] : null;
  return [
    { key: 'name', label: t('campaigns.rules.name', { max: NAME_MAX }), fields: ['name'] },
    { key: 'description', label: t('campaigns.rules.description', { max: DESCRIPTION_MAX }), fields: ['description', 'sellerRequirements'] },
    { key: 'rate', label: t('campaigns.rules.rate', { min: formatRate(RATE_MIN_BPS), max: formatRate(RATE_MAX_BPS) }), fields: ['commissionRequirement'] },
    { key: 'start', label: mode === 'create' ? t('campaigns.rules.startFuture') : t('campaigns.rules.movedStartFuture'), fields: ['campaignStart'] },
    { key: 'end', label: t('campaigns.rules.end', { max: formatCount(MAX_PERIOD_DAYS) }), fields: ['campaignEnd'] },
    { key: 'registration', label: t('campaigns.rules.registrationEnd'), fields: ['registrationEnd'] },
    {
      key: 'contact',
      label: messenger
        ? messenger.required
          ? t('campaigns.rules.messengerRequired', { messenger: MESSENGER_LABEL[messenger.messenger] })
          : t('campaigns.rules.messengerOptional', { messenger: MESSENGER_LABEL[messenger.messenger] })
        : t('campaigns.rules.messengerPending'),
      fields: ['contactEmail', 'messengerHandle', 'market'],
      pending: !messenger,
    },
    ...(values.targetingMode === 'SELECTED'
      ? [{ key: 'shops', label: t('campaigns.rules.shopCodes', { max: MAX_TARGET_SHOPS }), fields: ['shopCodes'] as CampaignFormField[] }]
      : []),
  ];
}

export interface CampaignRulesChecklistProps {
  values: CampaignFormValues;
  mode: 'create' | 'edit';
  errors: CampaignFormErrors;
  /** A rule shows as broken only once one of its fields was edited (or a submit was tried). */
  shown: (field: CampaignFormField) => boolean;
}

export function CampaignRulesChecklist({ values, mode, errors, shown }: CampaignRulesChecklistProps) {
  const t = useT();
  const rules = rulesFor(t, values, mode);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-rules">
      <Title order={2} size="h5" id="campaign-rules" mb="sm">
        {t('campaigns.rules.title')}
      </Title>
      <List spacing={6} size="sm" center data-testid="rules-checklist">
        {rules.map((rule) => {
          const broken = rule.fields.some((f) => errors[f]);
          const state = rule.pending || (broken && !rule.fields.some((f) => errors[f] && shown(f))) ? 'pending' : broken ? 'broken' : 'met';
          return (
            <List.Item
              key={rule.key}
              data-state={state}
              icon={
                <ThemeIcon size={20} radius="xl" variant="light" color={state === 'met' ? 'teal' : state === 'broken' ? 'red' : 'gray'}>
                  {state === 'met' ? <IconCheck size={12} aria-hidden /> : state === 'broken' ? <IconX size={12} aria-hidden /> : <IconCircleDashed size={12} aria-hidden />}
                </ThemeIcon>
              }
            >
              <Text size="sm" c={state === 'met' ? undefined : 'dimmed'}>
                {rule.label}
                <VisuallyHidden component="span">{state === 'met' ? ` ${t('campaigns.rules.met')}` : state === 'broken' ? ` ${t('campaigns.rules.notMet')}` : ''}</VisuallyHidden>
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
