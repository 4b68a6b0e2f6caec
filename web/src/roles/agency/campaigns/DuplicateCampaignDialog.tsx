/** Start a new draft from a campaign: every field but the periods, which are entered here (market time). */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { CampaignDuplicateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { MARKETS, marketTimeZone } from '../../../lib/markets';

type Field = 'name' | 'campaignStart' | 'registrationEnd' | 'campaignEnd';

export interface DuplicateCampaignDialogProps {
  campaign: { id: string; name: string; market: keyof typeof MARKETS } | null;
  onClose: () => void;
}

export function DuplicateCampaignDialog({ campaign, onClose }: DuplicateCampaignDialogProps) {
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
      if (!instant) local[field] = 'Enter a date and time';
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
      setErrors({ general: result.error ? describeError(result.error) : 'No answer from the server.' });
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
    <Modal opened onClose={onClose} title={`Duplicate “${campaign.name}”`} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            The new draft copies every field: description, requirements, commission, contact and targeting. Give it new
            dates ({MARKETS[campaign.market].name} time, {zoneName(tz)}); registration opens when it starts.
          </Text>
          {errors.general && (
            <Alert color="red" variant="light" role="alert">
              {errors.general}
            </Alert>
          )}
          <TextInput label="Name" placeholder={campaign.name} description="Leave empty to keep the name" value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errors.name} />
          <WallTimeInput label="Campaign start" required value={values.campaignStart} onChange={set('campaignStart')} error={errors.campaignStart} />
          <WallTimeInput label="Registration ends" required value={values.registrationEnd} onChange={set('registrationEnd')} error={errors.registrationEnd} />
          <WallTimeInput label="Campaign end" required value={values.campaignEnd} onChange={set('campaignEnd')} error={errors.campaignEnd} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
