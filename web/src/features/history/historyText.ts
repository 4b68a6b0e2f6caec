/**
 * Readable text for terms histories (TermsEvent): the action, the changed field and its before/after values, in
 * the language in use. Values arrive as text from the audit trail; rates (…Bps) show as percent, times in the
 * market's zone, booleans as yes/no, enum codes by their words, objects and lists flattened.
 */
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { formatDateTime, formatRate } from '../../lib/format';

const ACTION: Readonly<Record<string, MessageKey>> = {
  'campaign.create': 'history.action.campaignCreate',
  'campaign.update': 'history.action.campaignUpdate',
  'campaign.publish': 'history.action.campaignPublish',
  'campaign.unpublish': 'history.action.campaignUnpublish',
  'campaign.archive': 'history.action.campaignArchive',
  'campaign.unarchive': 'history.action.campaignUnarchive',
  'campaign.change.request': 'history.action.changeRequest',
  'campaign.change.cancel': 'history.action.changeCancel',
  'campaign.change.apply': 'history.action.changeApply',
  'showcase.add': 'history.action.showcaseAdd',
  'showcase.replace': 'history.action.showcaseReplace',
  'showcase.remove': 'history.action.showcaseRemove',
  'showcase.end': 'history.action.showcaseEnd',
  'product_list_item.reprice': 'history.action.reprice',
  'showcase_entry.rate_decrease_reminded': 'history.action.decreaseReminded',
  'showcase_entry.rate_decrease_applied': 'history.action.decreaseApplied',
  'sample.request': 'history.action.sampleRequest',
  'sample.approve': 'history.action.sampleApprove',
  'sample.reject': 'history.action.sampleReject',
  'sample.shipment': 'history.action.sampleShipment',
  'sample.extend': 'history.action.sampleExtend',
  'sample.content': 'history.action.sampleContent',
  'sample.overdue': 'history.action.sampleOverdue',
};

const FIELD: Readonly<Record<string, MessageKey>> = {
  name: 'history.field.name',
  description: 'history.field.description',
  sellerRequirements: 'history.field.sellerRequirements',
  commissionRequirementBps: 'history.field.commissionRequirement',
  registrationStart: 'history.field.registrationStart',
  registrationEnd: 'history.field.registrationEnd',
  campaignStart: 'history.field.campaignStart',
  campaignEnd: 'history.field.campaignEnd',
  targetingMode: 'history.field.targetingMode',
  targetSellerType: 'history.field.targetSellerType',
  targetShopCodes: 'history.field.targetShopCodes',
  contact: 'history.field.contact',
  published: 'history.field.published',
  archived: 'history.field.archived',
  duplicatedFrom: 'history.field.duplicatedFrom',
  creatorRateBps: 'history.field.creatorRate',
  status: 'history.field.status',
  shipment: 'history.field.shipment',
  contentDueAt: 'history.field.contentDueAt',
  kind: 'history.field.kind',
  url: 'history.field.url',
};

/** Code values of a field, in words ("targetingMode" OPEN → "Open"); other codes are shown from the code. */
const VALUE: Readonly<Record<string, MessageKey>> = {
  'targetingMode:OPEN': 'history.value.targetingOpen',
  'targetingMode:SELECTED': 'history.value.targetingSelected',
};

const ROLE: Readonly<Record<string, MessageKey>> = {
  AGENCY: 'role.agency',
  SELLER: 'role.seller',
  CREATOR: 'role.creator',
  OPERATOR: 'role.operator',
};

export interface TermsEventLike {
  action: string;
  actorRole: string | null;
  actorName: string | null;
  actorPersonName: string | null;
}

/** "campaign.change.apply" → "Scheduled change applied"; an action this screen does not know, by its code. */
export function actionText(t: Translate, action: string): string {
  const key = ACTION[action];
  return key ? t(key) : t('history.action.other', { action });
}

export function fieldText(t: Translate, field: string): string {
  const key = FIELD[field];
  return key ? t(key) : field;
}

/** Who acted: the person (only when the API gives it: the viewer's own organisation), the organisation (not to a
 * seller), and the role; the platform when nobody did (the clock). */
export function actorText(t: Translate, event: TermsEventLike): string {
  if (!event.actorRole) return t('history.actor.platform');
  const role = ROLE[event.actorRole] ? t(ROLE[event.actorRole]!) : event.actorRole;
  if (event.actorPersonName && event.actorName) return t('history.actor.person', { person: event.actorPersonName, organisation: event.actorName, role });
  if (event.actorName) return t('history.actor.organisation', { organisation: event.actorName, role });
  return role;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

function words(code: string): string {
  const text = code.replace(/_/g, ' ').toLowerCase();
  return text[0]!.toUpperCase() + text.slice(1);
}

/** One before/after value as people read it; null (nothing before, nothing after) is a dash. */
export function valueText(t: Translate, field: string, value: string | null, timeZone: string): string {
  if (value === null || value === '' || value === 'None') return t('common.dash');
  if (/bps$/i.test(field) && /^-?\d+$/.test(value)) return formatRate(Number.parseInt(value, 10));
  if (value === 'true' || value === 'True') return t('history.yes');
  if (value === 'false' || value === 'False') return t('history.no');
  if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, timeZone);
  const known = VALUE[`${field}:${value}`];
  if (known) return t(known);
  if (CODE.test(value)) return words(value);
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.length ? parsed.map(String).join(', ') : t('common.dash');
      if (parsed && typeof parsed === 'object') {
        const parts = Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v !== null && v !== '');
        return parts.length ? parts.map(([, v]) => String(v)).join(' · ') : t('common.dash');
      }
    } catch {
      return value;
    }
  }
  return value;
}
