import { StatusBadge } from '../../components/StatusBadge';
import type { OrderLineStatus } from '../../generated/graphql';
import { ORDER_STATUS } from './orderStatus';
import { useT } from '../../i18n/context';

export function OrderStatusBadge({ status, size = 'sm' }: { status: OrderLineStatus; size?: 'sm' | 'md' }) {
  const t = useT();
  const meta = ORDER_STATUS[status];
  return <StatusBadge status={status} label={t(meta.label)} description={t(meta.description)} color={meta.color} filled={status === 'SETTLED'} size={size} tt="none" testId="order-status" />;
}
