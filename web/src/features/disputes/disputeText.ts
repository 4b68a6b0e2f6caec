/** Words for disputes, shared by the inbox and the open form. */
import type { DisputeStatus, DisputeType } from '../../generated/graphql';

export const DISPUTE_TYPE_LABEL: Record<DisputeType, string> = {
  MISSING_ORDER: 'Missing order',
  WRONG_COMMISSION: 'Wrong commission',
  RATE_NOT_HONOURED: 'Rate not honoured',
  SPLIT_DISPUTED: 'Split disputed',
  REJECTION_APPEAL: 'Rejection appeal',
  SAMPLE_NOT_RECEIVED: 'Sample not received',
  CONTENT_NOT_POSTED: 'Content not posted',
};

export const DISPUTE_STATUS: Record<DisputeStatus, { label: string; color: string }> = {
  OPEN: { label: 'Waiting for the agency', color: 'orange' },
  ANSWERED: { label: 'Answered', color: 'blue' },
  RESOLVED: { label: 'Resolved for the claimant', color: 'teal' },
  REJECTED: { label: 'Rejected', color: 'gray' },
  EXPIRED: { label: 'Deadline passed', color: 'grape' },
};

/** The money disputes a creator opens from an order line's receipt. */
export const LINE_DISPUTE_TYPES: DisputeType[] = ['WRONG_COMMISSION', 'RATE_NOT_HONOURED', 'SPLIT_DISPUTED'];

export function isOpen(status: DisputeStatus): boolean {
  return status === 'OPEN' || status === 'ANSWERED';
}
