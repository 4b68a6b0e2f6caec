/** The seller's registration filters: one campaign (the joined ones) and statuses. */
import { Group, Select, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { StatusChips } from '../../../components/StatusChips';
import { REGISTRATION_STATUS, REGISTRATION_STATUSES } from '../../../features/registrations/registrationStatus';
import { SellerMarketplaceDocument, type RegistrationStatus } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';

export interface MyRegistrationFiltersProps {
  campaignId: string | null;
  statuses: RegistrationStatus[];
  onChange: (key: 'campaign' | 'status', values: string[]) => void;
}

export function MyRegistrationFilters({ campaignId, statuses, onChange }: MyRegistrationFiltersProps) {
  const t = useT();
  const [{ data: campaignsData }] = useQuery({ query: SellerMarketplaceDocument, variables: { first: 100, filter: { joined: true } } });
  const campaignOptions = (campaignsData?.campaigns.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('seller.perf.campaign')}
          placeholder={t('seller.regs.allCampaigns')}
          clearable
          searchable
          data={campaignOptions.some((o) => o.value === campaignId) || !campaignId ? campaignOptions : [...campaignOptions, { value: campaignId, label: t('seller.regs.thisCampaign') }]}
          value={campaignId}
          onChange={(v) => onChange('campaign', v ? [v] : [])}
          w={{ base: '100%', xs: 320 }}
        />
      </Group>
      <StatusChips
        label={t('seller.perf.status')}
        options={REGISTRATION_STATUSES}
        value={statuses}
        onChange={(v) => onChange('status', v)}
        meta={(s) => ({ color: REGISTRATION_STATUS[s].color, text: REGISTRATION_STATUS[s].label })}
      />
    </Stack>
  );
}
