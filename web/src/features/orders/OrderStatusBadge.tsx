import { Badge, Tooltip } from '@mantine/core';
import type { OrderLineStatus } from '../../generated/graphql';
import { ORDER_STATUS } from './orderStatus';

export function OrderStatusBadge({ status, size = 'sm' }: { status: OrderLineStatus; size?: 'sm' | 'md' }) {
  const meta = ORDER_STATUS[status];
  return (
    <Tooltip label={meta.description} withArrow openDelay={300}>
      <Badge
        color={meta.color}
        variant={status === 'SETTLED' ? 'filled' : 'light'}
        radius="sm"
        tt="none"
        size={size}
        data-testid="order-status"
        data-status={status}
        style={{ minWidth: 'max-content' }}
      >
        {meta.label}
      </Badge>
    </Tooltip>
  );
}
