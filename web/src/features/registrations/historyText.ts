/** Readable text for registration history entries (audit events): actions, field names and changed values, in the
 * language in use (campaigns.registrationHistory.*, the drawer's own namespace). */
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { formatRate } from '../../lib/format';
import { reasonLabel } from './rejectReasons';

const ACTION: Readonly<Record<string, MessageKey>> = {
  create: 'campaigns.registrationHistory.action.create',
  approve: 'campaigns.registrationHistory.action.approve',
  reject: 'campaigns.registrationHistory.action.reject',
  reject_forever: 'campaigns.registrationHistory.action.rejectForever',
  withdraw: 'campaigns.registrationHistory.action.withdraw',
  cancellation_request: 'campaigns.registrationHistory.action.cancellationRequest',
  cancellation_approve: 'campaigns.registrationHistory.action.cancellationApprove',
  cancellation_decline: 'campaigns.registrationHistory.action.cancellationDecline',
  sample_quota_increase: 'campaigns.registrationHistory.action.sampleQuotaIncrease',
  terms_update: 'campaigns.registrationHistory.action.termsUpdate',
  close: 'campaigns.registrationHistory.action.close',
};

/** "registration.cancellation_request" / "CANCELLATION_REQUEST" → "Cancellation requested"; an action the app
 * does not know yet by its code's words. */
export function actionLabel(t: Translate, action: string): string {
  const key = (action.split('.').pop() ?? action).toLowerCase();
  const known = ACTION[key];
  if (known) return t(known);
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

const FIELD: Readonly<Record<string, MessageKey>> = {
  totalRateBps: 'campaigns.registrationHistory.field.totalRate',
  shopAdsRateBps: 'campaigns.registrationHistory.field.shopAdsRate',
  sampleQuota: 'campaigns.registrationHistory.field.sampleQuota',
  contactEmail: 'campaigns.registrationHistory.field.contactEmail',
  contactWhatsapp: 'campaigns.registrationHistory.field.contactWhatsapp',
  status: 'campaigns.registrationHistory.field.status',
  rejectReason: 'campaigns.registrationHistory.field.rejectReason',
  rejectNote: 'campaigns.registrationHistory.field.rejectNote',
};

/** "sampleQuota" / "sample_quota" → "Sample quota"; a field the app does not know yet by its name's words. */
export function fieldLabel(t: Translate, field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const known = FIELD[camel];
  if (known) return t(known);
  const words = camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Rates (fields ending in Bps / _bps) as percent, reject reasons in words, empty as a dash, anything else as given. */
export function changeValue(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (/bps$/i.test(field) && /^-?\d+$/.test(value)) return formatRate(Number.parseInt(value, 10));
  if (field === 'rejectReason' || field === 'reject_reason') return reasonLabel(value) ?? value;
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
