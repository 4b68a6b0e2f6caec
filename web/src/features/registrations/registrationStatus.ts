import type { MantineColor } from '@mantine/core';
import type { RegistrationStatus } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { translate } from '../../i18n/runtime';

export interface RegistrationStatusMeta {
  /** In the language in use (read each time: a language switch re-renders the readers). */
  readonly label: string;
  color: MantineColor;
  readonly description: string;
}

/** label and description read seller.registrationStatus.* messages. They live in the seller namespace, which the
 * seller's first page (that shows these labels) loads anyway: a namespace of their own would cost every first
 * page its loader entries (six languages) in the app's entry chunk, and the seller's page is at its budget
 * (bench/web_bundle.py). Agency screens that show them load the seller namespace with them. sampleStatus.ts has
 * the same few lines for the creator namespace: one shared helper module becomes a chunk of its own on both first
 * pages (+0.1 to 0.2 kB gzip measured), more than the budget allows. */
function meta(key: string, color: MantineColor): RegistrationStatusMeta {
  return {
    get label() {
      return translate(`seller.registrationStatus.${key}` as MessageKey);
    },
    color,
    get description() {
      return translate(`seller.registrationStatus.${key}Hint` as MessageKey);
    },
  };
}

/** APPROVED reads "Ongoing" in the UI (docs/domain.md), as in TikTok's Partner Center. */
export const REGISTRATION_STATUS: Readonly<Record<RegistrationStatus, RegistrationStatusMeta>> = {
  PENDING: meta('pending', 'yellow'),
  APPROVED: meta('approved', 'teal'),
  PENDING_CLOSED: meta('pendingClosed', 'orange'),
  CLOSED: meta('closed', 'dark'),
  REJECTED: meta('rejected', 'red'),
  REJECT_FOREVER: meta('rejectForever', 'red'),
  WITHDRAWN: meta('withdrawn', 'gray'),
};

export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_STATUS) as RegistrationStatus[];
