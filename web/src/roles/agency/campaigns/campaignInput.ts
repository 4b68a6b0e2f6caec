/**
 * Form values ↔ API: a campaign's effective values become form values (wall times in the market's zone,
 * rate as percent text); form values become a create input, or an update input holding only what changed.
 */
import type {
  CampaignContactInput,
  CampaignCreateInput,
  CampaignTargetingInput,
  CampaignUpdateInput,
  Market,
  Messenger,
  SellerType,
  TargetingMode,
} from '../../../generated/graphql';
import { EMPTY_CAMPAIGN_FORM, type CampaignFormValues } from './campaignFormRules';
import { MARKET_MESSENGER } from '../../../features/campaigns/marketMessenger';
import { parsePercent, bpsToPercentText } from '../../../features/campaigns/percent';
import { formatShopCodes, parseShopCodes } from './shopCodes';
import { instantToWallTime, wallTimeToInstant } from '../../../features/campaigns/zonedTime';

/** The campaign fields the form edits, as the API returns them. */
export interface EditableCampaign {
  name: string;
  description: string;
  market: Market;
  sellerRequirements: string;
  commissionRequirementBps: number;
  contact: { email: string; phone: string | null; messenger: Messenger | null; messengerHandle: string | null };
  campaignStart: string;
  campaignEnd: string;
  registrationEnd: string;
  targetingMode: TargetingMode;
  targetSellerType: SellerType | null;
  targetShopCodes: ReadonlyArray<string> | null;
}

export function campaignToFormValues(c: EditableCampaign, timeZone: string): CampaignFormValues {
  return {
    ...EMPTY_CAMPAIGN_FORM,
    name: c.name,
    description: c.description,
    market: c.market,
    sellerRequirements: c.sellerRequirements,
    commissionRequirement: bpsToPercentText(c.commissionRequirementBps),
    contactEmail: c.contact.email,
    contactPhone: c.contact.phone ?? '',
    messengerHandle: c.contact.messengerHandle ?? '',
    campaignStart: instantToWallTime(c.campaignStart, timeZone),
    campaignEnd: instantToWallTime(c.campaignEnd, timeZone),
    registrationEnd: instantToWallTime(c.registrationEnd, timeZone),
    targetingMode: c.targetingMode,
    shopCodes: formatShopCodes(c.targetShopCodes ?? []),
    sellerType: c.targetSellerType ?? '',
  };
}

function requireInstant(wall: string, timeZone: string): string {
  const instant = wallTimeToInstant(wall, timeZone);
  if (!instant) throw new RangeError(`Incomplete date and time: ${wall}`);
  return instant;
}

function requireBps(text: string): number {
  const parsed = parsePercent(text);
  if (parsed.status !== 'ok') throw new RangeError(`Not a percentage: ${text}`);
  return parsed.bps;
}

function contactInput(values: CampaignFormValues, market: Market): CampaignContactInput {
  const handle = values.messengerHandle.trim();
  return {
    email: values.contactEmail.trim(),
    phone: values.contactPhone.trim() || null,
    messenger: handle ? MARKET_MESSENGER[market].messenger : null,
    messengerHandle: handle || null,
  };
}

function targetingInput(values: CampaignFormValues): CampaignTargetingInput {
  return {
    mode: values.targetingMode,
    shopCodes: values.targetingMode === 'SELECTED' ? parseShopCodes(values.shopCodes).valid : null,
    sellerType: values.sellerType || null,
  };
}

/** A create input from values that passed validateCampaignForm. */
export function toCreateInput(values: CampaignFormValues, timeZone: string): CampaignCreateInput {
  if (!values.market) throw new RangeError('A market is required');
  const start = requireInstant(values.campaignStart, timeZone);
  return {
    name: values.name.trim(),
    description: values.description,
    market: values.market,
    sellerRequirements: values.sellerRequirements,
    commissionRequirementBps: requireBps(values.commissionRequirement),
    contact: contactInput(values, values.market),
    registrationStart: start,
    campaignStart: start,
    registrationEnd: requireInstant(values.registrationEnd, timeZone),
    campaignEnd: requireInstant(values.campaignEnd, timeZone),
    targeting: targetingInput(values),
  };
}

const CONTACT_FIELDS = ['contactEmail', 'contactPhone', 'messengerHandle'] as const;

function sameShopCodes(a: string, b: string): boolean {
  const x = parseShopCodes(a).valid.sort();
  const y = parseShopCodes(b).valid.sort();
  return x.length === y.length && x.every((code, i) => code === y[i]);
}

/**
 * An update input with only the changed fields (contact and targeting are sent whole when any part changed),
 * or null when nothing changed. The market cannot change.
 */
export function toUpdateInput(id: string, values: CampaignFormValues, initial: CampaignFormValues, timeZone: string): CampaignUpdateInput | null {
  const market = initial.market;
  if (!market) throw new RangeError('The campaign has no market');
  const input: CampaignUpdateInput = { id };
  let changed = false;
  const set = <K extends keyof CampaignUpdateInput>(key: K, value: CampaignUpdateInput[K]) => {
    input[key] = value;
    changed = true;
  };

  if (values.name.trim() !== initial.name.trim()) set('name', values.name.trim());
  if (values.description !== initial.description) set('description', values.description);
  if (values.sellerRequirements !== initial.sellerRequirements) set('sellerRequirements', values.sellerRequirements);
  if (requireBps(values.commissionRequirement) !== requireBps(initial.commissionRequirement))
    set('commissionRequirementBps', requireBps(values.commissionRequirement));
  if (CONTACT_FIELDS.some((f) => values[f].trim() !== initial[f].trim())) set('contact', contactInput(values, market));
  if (values.campaignStart !== initial.campaignStart) {
    const start = requireInstant(values.campaignStart, timeZone);
    set('campaignStart', start);
    set('registrationStart', start);
  }
  if (values.campaignEnd !== initial.campaignEnd) set('campaignEnd', requireInstant(values.campaignEnd, timeZone));
  if (values.registrationEnd !== initial.registrationEnd) set('registrationEnd', requireInstant(values.registrationEnd, timeZone));
  if (
    values.targetingMode !== initial.targetingMode ||
    values.sellerType !== initial.sellerType ||
    (values.targetingMode === 'SELECTED' && !sameShopCodes(values.shopCodes, initial.shopCodes))
  )
    set('targeting', targetingInput(values));
  return changed ? input : null;
}
