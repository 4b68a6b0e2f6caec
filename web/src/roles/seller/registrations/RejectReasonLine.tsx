/** Why a registration was rejected (the reason, and the agency's note). */
import { Text } from '@mantine/core';
import { REJECT_REASON_LABEL } from '../../../features/registrations/rejectReasons';
import type { MyRegistration } from './RegistrationRowActions';

export function RejectReasonLine({ row }: { row: MyRegistration }) {
  if (!row.rejectReason) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={2} maw={220}>
      {REJECT_REASON_LABEL[row.rejectReason]}
      {row.rejectNote ? `: ${row.rejectNote}` : ''}
    </Text>
  );
}
