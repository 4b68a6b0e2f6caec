import { Badge, Tooltip } from '@mantine/core';
import type { OrderLineStatus } from '../../generated/graphql';
import { ORDER_STATUS } from './orderStatus';
import { useT } from '../../i18n/context';

export function OrderStatusBadge({ status, size = 'sm' }: { status: OrderLineStatus; size?: 'sm' | 'md' }) {
  const t = useT();
  const meta = ORDER_STATUS[status];
  return (
    <Tooltip label={t(meta.description)} withArrow openDelay={300}>
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
        {t(meta.label)}
      </Badge>
    </Tooltip>
  );
}
