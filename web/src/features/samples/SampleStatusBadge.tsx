import { Badge, Tooltip } from '@mantine/core';
import type { SampleStatus } from '../../generated/graphql';
import { SAMPLE_STATUS } from './sampleStatus';

export function SampleStatusBadge({ status, size = 'sm' }: { status: SampleStatus; size?: 'sm' | 'md' | 'lg' }) {
  const meta = SAMPLE_STATUS[status];
  return (
    <Tooltip label={meta.description} withArrow openDelay={300}>
      <Badge
        color={meta.color}
        variant={status === 'CONTENT_POSTED' ? 'filled' : 'light'}
        radius="sm"
        tt="none"
        size={size}
        data-testid="sample-status"
        data-status={status}
        style={{ minWidth: 'max-content' }}
      >
        {meta.label}
      </Badge>
    </Tooltip>
  );
}
