/** A pending campaign change as rows of "effective now" beside "after the change", formatted for people. */
import type { Messenger, SellerType, TargetingMode } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import type { Translate } from '../../../i18n/context';
import { formatDateTime, formatRate } from '../../../lib/format';
import { MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';

interface ContactValue {
  email: string;
  phone: string | null;
  messenger: Messenger | null;
  messengerHandle: string | null;
}

/** The fields a change can set, as the API names them (CampaignPendingValues). */
export interface CampaignChangeValues {
  name: string | null;
  description: string | null;
  sellerRequirements: string | null;
  commissionRequirementBps: number | null;
  contact: ContactValue | null;
  registrationStart: string | null;
  registrationEnd: string | null;
  campaignStart: string | null;
  campaignEnd: string | null;
  targetingMode: TargetingMode | null;
  targetSellerType: SellerType | null;
  targetShopCodes: ReadonlyArray<string> | null;
}

export interface ChangeRow {
  field: keyof CampaignChangeValues;
  label: string;
  before: string;
  after: string;
}

const LABELS: Readonly<Record<keyof CampaignChangeValues, MessageKey>> = {
  name: 'campaigns.detail.change.name',
  description: 'campaigns.detail.change.description',
  sellerRequirements: 'campaigns.detail.change.sellerRequirements',
  commissionRequirementBps: 'campaigns.detail.change.commissionRequirement',
  contact: 'campaigns.detail.change.contact',
  registrationStart: 'campaigns.detail.change.registrationStart',
  registrationEnd: 'campaigns.detail.change.registrationEnd',
  campaignStart: 'campaigns.detail.change.campaignStart',
  campaignEnd: 'campaigns.detail.change.campaignEnd',
  targetingMode: 'campaigns.detail.change.targetingMode',
  targetSellerType: 'campaigns.detail.change.targetSellerType',
  targetShopCodes: 'campaigns.detail.change.targetShopCodes',
};

const ORDER = Object.keys(LABELS) as Array<keyof CampaignChangeValues>;

function formatContact(c: ContactValue): string {
  const parts = [c.email, c.phone, c.messenger && c.messengerHandle ? `${MESSENGER_LABEL[c.messenger]} ${c.messengerHandle}` : null];
  return parts.filter(Boolean).join(' · ');
}

function formatValue(t: Translate, field: keyof CampaignChangeValues, values: CampaignChangeValues, timeZone: string): string {
  switch (field) {
    case 'commissionRequirementBps':
      return values.commissionRequirementBps === null ? '—' : formatRate(values.commissionRequirementBps);
    case 'contact':
      return values.contact ? formatContact(values.contact) : '—';
    case 'registrationStart':
    case 'registrationEnd':
    case 'campaignStart':
    case 'campaignEnd': {
      const v = values[field];
      return v ? formatDateTime(v, timeZone) : '—';
    }
    case 'targetingMode':
      return values.targetingMode === 'SELECTED' ? t('campaigns.detail.change.selectedShops') : values.targetingMode === 'OPEN' ? t('campaigns.detail.change.openToAll') : '—';
    case 'targetSellerType':
      if (values.targetSellerType === 'LOCAL') return t('campaigns.details.localOnly');
      if (values.targetSellerType === 'CROSS_BORDER') return t('campaigns.details.crossBorderOnly');
      return values.targetSellerType ?? t('campaigns.detail.anySellerType');
    case 'targetShopCodes': {
      const codes = values.targetShopCodes ?? [];
      return codes.length === 0 ? t('campaigns.detail.change.noShops') : t('campaigns.detail.change.shopList', { count: codes.length, codes: codes.join(', ') });
    }
    default: {
      const v = values[field];
      return v === null || v === '' ? '—' : v;
    }
  }
}

/**
 * One row per changed field, in form order. `changedFields` says which fields change (a null pending value
 * is "unchanged" unless listed, e.g. seller type set back to any).
 */
export function pendingChangeRows(
  t: Translate,
  effective: CampaignChangeValues,
  pending: CampaignChangeValues,
  changedFields: ReadonlyArray<string>,
  timeZone: string,
): ChangeRow[] {
  const changed = new Set(changedFields);
  return ORDER.filter((field) => changed.has(field) || (pending[field] !== null && changedFields.length === 0)).map((field) => ({
    field,
    label: t(LABELS[field]),
    before: formatValue(t, field, effective, timeZone),
    after: formatValue(t, field, pending, timeZone),
  }));
}
