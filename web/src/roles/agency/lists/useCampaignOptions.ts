/** The agency's campaigns as select options (newest first, up to 100), for list filters and new lists. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { CAMPAIGN_STATUS } from '../../../features/campaigns/campaignStatus';
import { AgencyCampaignsDocument, type CampaignStatus, type Market } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';

export interface CampaignOption {
  value: string;
  label: string;
  status: CampaignStatus;
  market: Market;
}

export function useCampaignOptions(): { options: CampaignOption[]; fetching: boolean } {
  const t = useT();
  const [{ data, fetching }] = useQuery({ query: AgencyCampaignsDocument, variables: { first: 100 } });
  const options = useMemo(
    () =>
      (data?.campaigns.edges ?? []).map(({ node }) => ({
        value: node.id,
        label: `${node.name} · ${t(CAMPAIGN_STATUS[node.status].label)}`,
        status: node.status,
        market: node.market,
      })),
    [data, t],
  );
  return { options, fetching };
}
