import type { MantineColor } from '@mantine/core';
import type { CampaignStatus } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';

/** label and description are message keys (status.*), shown through t(). */
export interface CampaignStatusMeta {
  label: MessageKey;
  color: MantineColor;
  /** What the status means, for tooltips and screen readers. */
  description: MessageKey;
}

export const CAMPAIGN_STATUS: Readonly<Record<CampaignStatus, CampaignStatusMeta>> = {
  READY: { label: 'status.campaign.ready', color: 'gray', description: 'status.campaign.readyHint' },
  UPCOMING: { label: 'status.campaign.upcoming', color: 'blue', description: 'status.campaign.upcomingHint' },
  ONGOING: { label: 'status.campaign.ongoing', color: 'teal', description: 'status.campaign.ongoingHint' },
  CLOSED: { label: 'status.campaign.closed', color: 'dark', description: 'status.campaign.closedHint' },
};

export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS) as CampaignStatus[];
