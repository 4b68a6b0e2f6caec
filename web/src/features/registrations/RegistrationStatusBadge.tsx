import { StatusBadge } from '../../components/StatusBadge';
import type { RegistrationStatus } from '../../generated/graphql';
import { REGISTRATION_STATUS } from './registrationStatus';

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const meta = REGISTRATION_STATUS[status];
  return <StatusBadge status={status} label={meta.label} description={meta.description} color={meta.color} filled={status === 'REJECT_FOREVER' || status === 'APPROVED'} tt="none" testId="registration-status" />;
}
