import type { MantineColor } from '@mantine/core';
import type { CampaignStatus } from '../../generated/graphql';

export interface CampaignStatusMeta {
  label: string;
  color: MantineColor;
  /** What the status means, for tooltips and screen readers. */
  description: string;
}

export const CAMPAIGN_STATUS: Readonly<Record<CampaignStatus, CampaignStatusMeta>> = {
  READY: { label: 'Ready', color: 'gray', description: 'Not published: sellers cannot see it yet.' },
  UPCOMING: { label: 'Upcoming', color: 'blue', description: 'Published; the campaign has not started yet.' },
  ONGOING: { label: 'Ongoing', color: 'teal', description: 'Running now.' },
  CLOSED: { label: 'Closed', color: 'dark', description: 'Ended. Read-only.' },
};

export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS) as CampaignStatus[];
