import type { MantineColor } from '@mantine/core';
import type { SampleStatus, ShipmentStatus } from '../../generated/graphql';

export interface SampleStatusMeta {
  label: string;
  color: MantineColor;
  description: string;
}

export const SAMPLE_STATUS: Readonly<Record<SampleStatus, SampleStatusMeta>> = {
  REQUESTED: { label: 'Requested', color: 'yellow', description: 'Waiting for the agency to approve or reject.' },
  APPROVED: { label: 'Approved', color: 'indigo', description: 'Approved: the seller ships the sample.' },
  REJECTED: { label: 'Rejected', color: 'red', description: 'The agency rejected the request.' },
  SHIPPED: { label: 'Shipped', color: 'cyan', description: 'On its way to the creator.' },
  DELIVERED: { label: 'Delivered', color: 'teal', description: 'Delivered: content is due within 14 days.' },
  CONTENT_POSTED: { label: 'Content posted', color: 'green', description: 'The creator posted content for it.' },
  OVERDUE: { label: 'Content overdue', color: 'orange', description: 'No content was posted by the deadline.' },
};

export const SAMPLE_STATUSES = Object.keys(SAMPLE_STATUS) as SampleStatus[];

export const SHIPMENT_STATUS_LABEL: Readonly<Record<ShipmentStatus, string>> = {
  SHIPPED: 'Shipped',
  IN_TRANSIT: 'In transit',
  DELIVERED: 'Delivered',
  FAILED_DELIVERY: 'Delivery failed',
  RETURNED: 'Returned to the seller',
};

/** The shipment events a sample in `status` accepts next (the server's transition table). */
export function nextShipmentStatuses(status: SampleStatus): ShipmentStatus[] {
  if (status === 'APPROVED') return ['SHIPPED'];
  if (status === 'SHIPPED') return ['IN_TRANSIT', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED'];
  return [];
}

/** The happy path, for a progress line: where a sample is on it (rejected samples stop at step 0). */
export const SAMPLE_STEPS: ReadonlyArray<{ status: SampleStatus; label: string }> = [
  { status: 'REQUESTED', label: 'Requested' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'SHIPPED', label: 'Shipped' },
  { status: 'DELIVERED', label: 'Delivered' },
  { status: 'CONTENT_POSTED', label: 'Content posted' },
];

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
