import { Badge, Tooltip } from '@mantine/core';
import type { CampaignStatus } from '../../generated/graphql';
import { CAMPAIGN_STATUS } from './campaignStatus';
import { useT } from '../../i18n/context';

export function CampaignStatusBadge({ status, size = 'md' }: { status: CampaignStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  const meta = CAMPAIGN_STATUS[status];
  return (
    <Tooltip label={t(meta.description)} withArrow openDelay={300}>
      <Badge
        color={meta.color}
        variant={status === 'ONGOING' ? 'filled' : 'light'}
        size={size}
        radius="sm"
        data-testid="campaign-status"
        data-status={status}
        style={{ minWidth: 'max-content' }}
      >
        {t(meta.label)}
      </Badge>
    </Tooltip>
  );
}
