/** A status as a badge (filled for the status that matters most, light otherwise) that explains itself on hover. */
import { Badge, Tooltip, type BadgeProps } from '@mantine/core';

export function StatusBadge({
  status,
  label,
  description,
  color,
  filled,
  size,
  tt,
  testId,
}: {
  status: string;
  label: string;
  description: string;
  color: string;
  filled: boolean;
  size?: BadgeProps['size'];
  tt?: 'none';
  /** data-testid; data-status carries the status. */
  testId: string;
}) {
  return (
    <Tooltip label={description} withArrow openDelay={300}>
      <Badge
        color={color}
        variant={filled ? 'filled' : 'light'}
        radius="sm"
        tt={tt}
        size={size}
        data-testid={testId}
        data-status={status}
        style={{ minWidth: 'max-content' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
