/** Start a new draft from a campaign: every field but the periods, which are entered here (market time). */
import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { CampaignDuplicateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { mutationFormErrors, showFormProblems } from '../../../components/mutationResult';
import { valueProps } from '../../../components/valueProps';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { FormActions } from '../../../components/FormActions';

const FIELDS = ['name', 'campaignStart', 'registrationEnd', 'campaignEnd'] as const;
type Field = (typeof FIELDS)[number];
const PERIOD_FIELDS = ['campaignStart', 'registrationEnd', 'campaignEnd'] as const;

export interface DuplicateCampaignDialogProps {
  campaign: { id: string; name: string; market: keyof typeof MARKETS } | null;
  onClose: () => void;
}

export function DuplicateCampaignDialog({ campaign, onClose }: DuplicateCampaignDialogProps) {
  const t = useT();
  const navigate = useNavigate();
  const tz = campaign ? marketTimeZone(campaign.market) : '';
  const [generalError, setGeneralError] = useState<string | null>(null);
  // Checked on submit; an error (the rule's or the server's) stays at its field until the next try.
  const form = useForm<Record<Field, string>>({
    mode: 'controlled',
    initialValues: { name: '', campaignStart: '', registrationEnd: '', campaignEnd: '' },
    clearInputErrorOnChange: false,
    validate: Object.fromEntries(PERIOD_FIELDS.map((field) => [field, (wall: string) => (wallTimeToInstant(wall, tz) ? null : t('campaigns.list.enterDateTime'))])),
  });
  const [{ fetching }, duplicate] = useMutation(CampaignDuplicateDocument);
  if (!campaign) return null;

  const submit = async () => {
    setGeneralError(null);
    if (form.validate().hasErrors) return;
    const { name, campaignStart, registrationEnd, campaignEnd } = form.getValues();
    const input = {
      id: campaign.id,
      name: name.trim() || null,
      campaignStart: wallTimeToInstant(campaignStart, tz)!,
      registrationEnd: wallTimeToInstant(registrationEnd, tz)!,
      campaignEnd: wallTimeToInstant(campaignEnd, tz)!,
    };
    const result = await duplicate({ input }, { additionalTypenames: ['Campaign'] });
    const payload = result.data?.campaignDuplicate;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS);
    if (problems || !payload) {
      setGeneralError(problems ? showFormProblems(form, problems) : t('campaigns.noAnswer'));
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
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          )}
          <TextInput
            label={t('campaigns.detail.change.name')}
            placeholder={campaign.name}
            description={t('campaigns.list.keepName')}
            {...form.getInputProps('name')}
          />
          <WallTimeInput label={t('campaigns.detail.change.campaignStart')} required {...valueProps(form, 'campaignStart')} />
          <WallTimeInput label={t('campaigns.list.registrationEnds')} required {...valueProps(form, 'registrationEnd')} />
          <WallTimeInput label={t('campaigns.detail.change.campaignEnd')} required {...valueProps(form, 'campaignEnd')} />
          <FormActions submitLabel={t('campaigns.list.createDraft')} onCancel={onClose} busy={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
