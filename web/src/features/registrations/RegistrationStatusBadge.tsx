import { Badge, Tooltip } from '@mantine/core';
import type { RegistrationStatus } from '../../generated/graphql';
import { REGISTRATION_STATUS } from './registrationStatus';

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const meta = REGISTRATION_STATUS[status];
  return (
    <Tooltip label={meta.description} withArrow openDelay={300}>
      <Badge
        color={meta.color}
        variant={status === 'REJECT_FOREVER' || status === 'APPROVED' ? 'filled' : 'light'}
        radius="sm"
        tt="none"
        data-testid="registration-status"
        data-status={status}
        style={{ minWidth: 'max-content' }}
      >
        {meta.label}
      </Badge>
    </Tooltip>
  );
}
