import { StatusBadge } from '../../components/StatusBadge';
import type { CampaignStatus } from '../../generated/graphql';
import { CAMPAIGN_STATUS } from './campaignStatus';
import { useT } from '../../i18n/context';

export function CampaignStatusBadge({ status, size = 'md' }: { status: CampaignStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  const meta = CAMPAIGN_STATUS[status];
  return <StatusBadge status={status} label={t(meta.label)} description={t(meta.description)} color={meta.color} filled={status === 'ONGOING'} size={size} testId="campaign-status" />;
}
