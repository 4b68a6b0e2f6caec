import type { RejectReason } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { translate } from '../../i18n/runtime';

/** The seller namespace, like registrationStatus.ts: the screens that show a reason show the status too. */
const KEY: Readonly<Record<RejectReason, MessageKey>> = {
  COMMISSION_TOO_LOW: 'seller.rejectReason.commissionTooLow',
  PRODUCT_HARD_TO_PROMOTE: 'seller.rejectReason.productHardToPromote',
  PRODUCT_TOO_EXPENSIVE: 'seller.rejectReason.productTooExpensive',
  NO_SUITABLE_CREATOR: 'seller.rejectReason.noSuitableCreator',
};

export const REJECT_REASONS = Object.keys(KEY) as RejectReason[];

/** Each reason's words in the language in use (a getter: read each time, so a language switch re-renders them). */
export const REJECT_REASON_LABEL: Readonly<Record<RejectReason, string>> = Object.defineProperties(
  {} as Record<RejectReason, string>,
  Object.fromEntries(REJECT_REASONS.map((r) => [r, { enumerable: true, get: () => translate(KEY[r]) }])),
);

/** A history entry's reason may be a reject reason code or free text (a cancellation reason). */
export function reasonLabel(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return reason in KEY ? translate(KEY[reason as RejectReason]) : reason;
}
