/** Words for disputes (message keys, disputes.*), shared by the inbox and the open form. */
import type { DisputeStatus, DisputeType } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';

export const DISPUTE_TYPE_LABEL: Record<DisputeType, MessageKey> = {
  MISSING_ORDER: 'disputes.type.missingOrder',
  WRONG_COMMISSION: 'disputes.type.wrongCommission',
  RATE_NOT_HONOURED: 'disputes.type.rateNotHonoured',
  SPLIT_DISPUTED: 'disputes.type.splitDisputed',
  REJECTION_APPEAL: 'disputes.type.rejectionAppeal',
  SAMPLE_NOT_RECEIVED: 'disputes.type.sampleNotReceived',
  CONTENT_NOT_POSTED: 'disputes.type.contentNotPosted',
};

export const DISPUTE_STATUS: Record<DisputeStatus, { label: MessageKey; color: string }> = {
  OPEN: { label: 'disputes.status.open', color: 'orange' },
  ANSWERED: { label: 'disputes.status.answered', color: 'blue' },
  RESOLVED: { label: 'disputes.status.resolved', color: 'teal' },
  REJECTED: { label: 'disputes.status.rejected', color: 'gray' },
  EXPIRED: { label: 'disputes.status.expired', color: 'grape' },
};

/** The money disputes a creator opens from an order line's receipt. */
export const LINE_DISPUTE_TYPES: DisputeType[] = ['WRONG_COMMISSION', 'RATE_NOT_HONOURED', 'SPLIT_DISPUTED'];

export function isOpen(status: DisputeStatus): boolean {
  return status === 'OPEN' || status === 'ANSWERED';
}
