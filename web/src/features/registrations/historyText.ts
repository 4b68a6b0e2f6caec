/** Readable text for registration history entries (audit events): actions, field names and changed values. */
import { formatRate } from '../../lib/format';

const ACTION_LABEL: Readonly<Record<string, string>> = {
  create: 'Registered',
  approve: 'Approved',
  reject: 'Rejected',
  reject_forever: 'Rejected forever',
  withdraw: 'Withdrawn',
  cancellation_request: 'Cancellation requested',
  cancellation_approve: 'Cancellation approved',
  cancellation_decline: 'Cancellation declined',
  sample_quota_increase: 'Sample quota raised',
  terms_update: 'Terms changed while pending',
  close: 'Closed',
};

/** "registration.cancellation_request" / "CANCELLATION_REQUEST" → "Cancellation requested". */
export function actionLabel(action: string): string {
  const key = (action.split('.').pop() ?? action).toLowerCase();
  const known = ACTION_LABEL[key];
  if (known) return known;
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

const FIELD_LABEL: Readonly<Record<string, string>> = {
  totalRateBps: 'Total rate',
  shopAdsRateBps: 'Shop-ads rate',
  sampleQuota: 'Sample quota',
  contactEmail: 'Contact email',
  contactWhatsapp: 'WhatsApp',
  status: 'Status',
  rejectReason: 'Reason',
  rejectNote: 'Note',
};

/** "sampleQuota" / "sample_quota" → "Sample quota". */
export function fieldLabel(field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const known = FIELD_LABEL[camel];
  if (known) return known;
  const words = camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Rates (fields ending in Bps / _bps) as percent, empty as a dash, anything else as given. */
export function changeValue(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (/bps$/i.test(field) && /^-?\d+$/.test(value)) return formatRate(Number.parseInt(value, 10));
  return value;
}

export interface FieldChangeLike {
  field: string;
  from: string | null;
  to: string | null;
}

/** The term changes worth listing: not the status (shown as a badge), not values that stayed the same. */
export function visibleChanges<C extends FieldChangeLike>(changes: ReadonlyArray<C>): C[] {
  return changes.filter((c) => c.field !== 'status' && (c.from ?? '') !== (c.to ?? ''));
}
