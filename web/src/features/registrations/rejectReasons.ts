import type { RejectReason } from '../../generated/graphql';

export const REJECT_REASON_LABEL: Readonly<Record<RejectReason, string>> = {
  COMMISSION_TOO_LOW: 'Commission too low',
  PRODUCT_HARD_TO_PROMOTE: 'Product hard to promote',
  PRODUCT_TOO_EXPENSIVE: 'Product too expensive',
  NO_SUITABLE_CREATOR: 'No suitable creator',
};

export const REJECT_REASONS = Object.keys(REJECT_REASON_LABEL) as RejectReason[];

/** A history entry's reason may be a reject reason code or free text (a cancellation reason). */
export function reasonLabel(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return (REJECT_REASON_LABEL as Record<string, string>)[reason] ?? reason;
}
