import type { MantineColor } from '@mantine/core';
import type { RegistrationStatus } from '../../generated/graphql';

export interface RegistrationStatusMeta {
  label: string;
  color: MantineColor;
  description: string;
}

/** APPROVED reads "Ongoing" in the UI (docs/domain.md), as in TikTok's Partner Center. */
export const REGISTRATION_STATUS: Readonly<Record<RegistrationStatus, RegistrationStatusMeta>> = {
  PENDING: { label: 'Pending review', color: 'yellow', description: 'Waiting for the agency to review.' },
  APPROVED: { label: 'Ongoing', color: 'teal', description: 'Approved: the product is part of the campaign.' },
  PENDING_CLOSED: { label: 'Cancellation requested', color: 'orange', description: 'The seller asked to leave; the agency decides.' },
  CLOSED: { label: 'Closed', color: 'dark', description: 'No longer part of the campaign.' },
  REJECTED: { label: 'Rejected', color: 'red', description: 'Rejected; the product may be registered again with new terms.' },
  REJECT_FOREVER: { label: 'Rejected forever', color: 'red', description: 'Rejected; this product can never be registered in this campaign again.' },
  WITHDRAWN: { label: 'Withdrawn', color: 'gray', description: 'The seller withdrew it before review.' },
};

export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_STATUS) as RegistrationStatus[];
