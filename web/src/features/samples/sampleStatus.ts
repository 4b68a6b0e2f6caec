import type { MantineColor } from '@mantine/core';
import type { SampleStatus, ShipmentStatus } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { translate } from '../../i18n/runtime';

export interface SampleStatusMeta {
  /** In the language in use (read each time: a language switch re-renders the readers). */
  readonly label: string;
  color: MantineColor;
  readonly description: string;
}

/** label and description read creator.sampleStatus.* messages, in the creator namespace that the creator's first
 * page (that shows them) loads anyway: see registrationStatus.ts for why not a namespace of their own. */
function meta(key: string, color: MantineColor): SampleStatusMeta {
  return {
    get label() {
      return translate(`creator.sampleStatus.${key}` as MessageKey);
    },
    color,
    get description() {
      return translate(`creator.sampleStatus.${key}Hint` as MessageKey);
    },
  };
}

export const SAMPLE_STATUS: Readonly<Record<SampleStatus, SampleStatusMeta>> = {
  REQUESTED: meta('requested', 'yellow'),
  APPROVED: meta('approved', 'indigo'),
  REJECTED: meta('rejected', 'red'),
  SHIPPED: meta('shipped', 'cyan'),
  DELIVERED: meta('delivered', 'teal'),
  CONTENT_POSTED: meta('contentPosted', 'green'),
  OVERDUE: meta('overdue', 'orange'),
};

export const SAMPLE_STATUSES = Object.keys(SAMPLE_STATUS) as SampleStatus[];

const SHIPMENT_KEY: Readonly<Record<ShipmentStatus, string>> = {
  SHIPPED: 'shipped',
  IN_TRANSIT: 'inTransit',
  DELIVERED: 'delivered',
  FAILED_DELIVERY: 'failedDelivery',
  RETURNED: 'returned',
};

/** A shipment status in the language in use: SHIPMENT_STATUS_LABEL.IN_TRANSIT → "In transit". */
export const SHIPMENT_STATUS_LABEL: Readonly<Record<ShipmentStatus, string>> = Object.defineProperties(
  {} as Record<ShipmentStatus, string>,
  Object.fromEntries(
    Object.entries(SHIPMENT_KEY).map(([status, key]) => [
      status,
      { enumerable: true, get: () => translate(`creator.sampleStatus.shipment.${key}` as MessageKey) },
    ]),
  ),
);

/** The shipment events a sample in `status` accepts next (the server's transition table). */
export function nextShipmentStatuses(status: SampleStatus): ShipmentStatus[] {
  if (status === 'APPROVED') return ['SHIPPED'];
  if (status === 'SHIPPED') return ['IN_TRANSIT', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED'];
  return [];
}

/** The happy path, for a progress line: where a sample is on it (rejected samples stop at step 0). */
export const SAMPLE_STEPS: ReadonlyArray<{ status: SampleStatus; readonly label: string }> = (
  ['REQUESTED', 'APPROVED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED'] as const
).map((status) => ({
  status,
  get label() {
    return SAMPLE_STATUS[status].label;
  },
}));

export function sampleStep(status: SampleStatus): number {
  if (status === 'REJECTED') return 0;
  if (status === 'OVERDUE') return 3;
  return SAMPLE_STEPS.findIndex((s) => s.status === status);
}

/** Whether the creator may still ask for the one 7-day extension. */
export function canExtend(sample: { status: SampleStatus; extensionUsed: boolean; contentDueAt: string | null }, now: Date = new Date()): boolean {
  return (
    sample.status === 'DELIVERED' &&
    !sample.extensionUsed &&
    sample.contentDueAt !== null &&
    new Date(sample.contentDueAt).getTime() > now.getTime()
  );
}
