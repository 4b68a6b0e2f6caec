import type { RegistrationStatus } from '../../generated/graphql';
import { statusMeta, type StatusMeta } from '../../lib/statusMeta';

export type RegistrationStatusMeta = StatusMeta;

/** seller.registrationStatus.* messages. They live in the seller namespace, which the seller's first page (that
 * shows these labels) loads anyway: a namespace of their own would cost every first page its loader entries (six
 * languages) in the app's entry chunk, and the seller's page is at its budget (bench/web_bundle.py). Agency
 * screens that show them load the seller namespace with them. */
const PREFIX = 'seller.registrationStatus';

/** APPROVED reads "Ongoing" in the UI (docs/domain.md), as in TikTok's Partner Center. */
export const REGISTRATION_STATUS: Readonly<Record<RegistrationStatus, RegistrationStatusMeta>> = {
  PENDING: statusMeta(PREFIX, 'pending', 'yellow'),
  APPROVED: statusMeta(PREFIX, 'approved', 'teal'),
  PENDING_CLOSED: statusMeta(PREFIX, 'pendingClosed', 'orange'),
  CLOSED: statusMeta(PREFIX, 'closed', 'dark'),
  REJECTED: statusMeta(PREFIX, 'rejected', 'red'),
  REJECT_FOREVER: statusMeta(PREFIX, 'rejectForever', 'red'),
  WITHDRAWN: statusMeta(PREFIX, 'withdrawn', 'gray'),
};

export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_STATUS) as RegistrationStatus[];
