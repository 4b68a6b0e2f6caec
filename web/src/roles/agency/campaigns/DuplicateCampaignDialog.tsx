/** Start a new draft from a campaign: every field but the periods, which are entered here (market time). */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { CampaignDuplicateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { MARKETS, marketTimeZone } from '../../../lib/markets';

type Field = 'name' | 'campaignStart' | 'registrationEnd' | 'campaignEnd';

export interface DuplicateCampaignDialogProps {
  campaign: { id: string; name: string; market: keyof typeof MARKETS } | null;
  onClose: () => void;
}

export function DuplicateCampaignDialog({ campaign, onClose }: DuplicateCampaignDialogProps) {
  const t = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', campaignStart: '', registrationEnd: '', campaignEnd: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'general', string>>>({});
  const [{ fetching }, duplicate] = useMutation(CampaignDuplicateDocument);
  if (!campaign) return null;
  const tz = marketTimeZone(campaign.market);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async () => {
    const local: typeof errors = {};
    const instants: Partial<Record<Field, string>> = {};
    for (const field of ['campaignStart', 'registrationEnd', 'campaignEnd'] as const) {
      const instant = wallTimeToInstant(values[field], tz);
      if (!instant) local[field] = t('campaigns.list.enterDateTime');
      else instants[field] = instant;
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    const result = await duplicate(
      { input: { id: campaign.id, name: values.name.trim() || null, campaignStart: instants.campaignStart!, registrationEnd: instants.registrationEnd!, campaignEnd: instants.campaignEnd! } },
      { additionalTypenames: ['Campaign'] },
    );
    const payload = result.data?.campaignDuplicate;
    if (result.error || !payload) {
      setErrors({ general: result.error ? describeError(result.error) : t('campaigns.noAnswer') });
      return;
    }
    if (payload.userErrors.length) {
      const next: typeof errors = {};
      for (const e of payload.userErrors) {
        const field = e.field?.[1] as Field | undefined;
        const key = field && field in values ? field : 'general';
        next[key] = next[key] ? `${next[key]} ${e.message}` : e.message;
      }
      setErrors(next);
      return;
    }
    onClose();
    if (payload.campaign) navigate(payload.campaign.id);
  };

  return (
    <Modal opened onClose={onClose} title={t('campaigns.list.duplicateTitle', { name: campaign.name })} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('campaigns.list.duplicateBody', { market: MARKETS[campaign.market].name, zone: zoneName(tz) })}
          </Text>
          {errors.general && (
            <Alert color="red" variant="light" role="alert">
              {errors.general}
            </Alert>
          )}
          <TextInput
            label={t('campaigns.detail.change.name')}
            placeholder={campaign.name}
            description={t('campaigns.list.keepName')} value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errors.name} />
          <WallTimeInput label={t('campaigns.detail.change.campaignStart')} required value={values.campaignStart} onChange={set('campaignStart')} error={errors.campaignStart} />
          <WallTimeInput label={t('campaigns.list.registrationEnds')} required value={values.registrationEnd} onChange={set('registrationEnd')} error={errors.registrationEnd} />
          <WallTimeInput label={t('campaigns.detail.change.campaignEnd')} required value={values.campaignEnd} onChange={set('campaignEnd')} error={errors.campaignEnd} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('campaigns.list.createDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
