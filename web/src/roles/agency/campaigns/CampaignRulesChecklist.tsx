/** The campaign rules as a live checklist beside the form: each turns green as it is met. */
import { Card, List, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import type { CampaignFormErrors, CampaignFormField, CampaignFormValues } from '../../../features/campaigns/campaignFormRules';
import { MARKET_MESSENGER, MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';

interface Rule {
  label: string;
  fields: CampaignFormField[];
  /** Not applicable yet (e.g. no market chosen). */
  pending?: boolean;
}

function rulesFor(values: CampaignFormValues, mode: 'create' | 'edit'): Rule[] {
  const messenger = values.market ? MARKET_MESSENGER[values.market] : null;
  return [
    { label: 'Name of 1–49 characters', fields: ['name'] },
    { label: 'Description up to 999 characters', fields: ['description', 'sellerRequirements'] },
    { label: 'Commission requirement of 1–80 %', fields: ['commissionRequirement'] },
    { label: mode === 'create' ? 'Starts in the future' : 'A moved start is still in the future', fields: ['campaignStart'] },
    { label: 'Ends after it starts, within 360 days', fields: ['campaignEnd'] },
    { label: 'Registration closes by the campaign end', fields: ['registrationEnd'] },
    {
      label: messenger
        ? `${MESSENGER_LABEL[messenger.messenger]} contact ${messenger.required ? '(required in this market)' : '(optional)'} and email`
        : 'The messenger the market needs',
      fields: ['contactEmail', 'messengerHandle', 'market'],
      pending: !messenger,
    },
    ...(values.targetingMode === 'SELECTED' ? [{ label: '1–100 valid shop codes', fields: ['shopCodes'] as CampaignFormField[] }] : []),
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
  const rules = rulesFor(values, mode);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-rules">
      <Title order={2} size="h5" id="campaign-rules" mb="sm">
        Campaign rules
      </Title>
      <List spacing={6} size="sm" center data-testid="rules-checklist">
        {rules.map((rule) => {
          const broken = rule.fields.some((f) => errors[f]);
          const state = rule.pending || (broken && !rule.fields.some((f) => errors[f] && shown(f))) ? 'pending' : broken ? 'broken' : 'met';
          return (
            <List.Item
              key={rule.label}
              data-state={state}
              icon={
                <ThemeIcon size={20} radius="xl" variant="light" color={state === 'met' ? 'teal' : state === 'broken' ? 'red' : 'gray'}>
                  {state === 'met' ? <IconCheck size={12} aria-hidden /> : state === 'broken' ? <IconX size={12} aria-hidden /> : <IconCircleDashed size={12} aria-hidden />}
                </ThemeIcon>
              }
            >
              <Text size="sm" c={state === 'met' ? undefined : 'dimmed'}>
                {rule.label}
                <VisuallyHidden component="span">{state === 'met' ? ' (met)' : state === 'broken' ? ' (not met yet)' : ''}</VisuallyHidden>
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
