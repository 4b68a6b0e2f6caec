/**
 * The campaign rules a person can break while typing, checked in the browser before anything is sent
 * (the server checks them again and its userErrors land on the same fields).
 */
import type { Market, SellerType, TargetingMode } from '../../generated/graphql';
import { MARKET_MESSENGER, MESSENGER_LABEL } from './marketMessenger';
import { checkPercent } from './percent';
import { parseShopCodes, shopCodesError } from './shopCodes';
import { wallTimeToInstant } from './zonedTime';

export const NAME_MAX = 49;
export const DESCRIPTION_MAX = 999;
export const SELLER_REQUIREMENTS_MAX = 999;
export const MAX_PERIOD_DAYS = 360;
const DAY_MS = 86_400_000;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** As the server checks it (server/services/campaigns.py PHONE_RE). */
const PHONE_RE = /^\+?[0-9][0-9 ()-]{4,30}$/;

/** What the form edits: text as typed; times as wall-clock values in the market's zone. */
export interface CampaignFormValues {
  name: string;
  description: string;
  market: Market | '';
  sellerRequirements: string;
  /** Percent text, e.g. "12.5". */
  commissionRequirement: string;
  contactEmail: string;
  contactPhone: string;
  messengerHandle: string;
  /** datetime-local values ("2026-12-01T10:00") in the market's zone. Registration starts with the campaign. */
  campaignStart: string;
  campaignEnd: string;
  registrationEnd: string;
  targetingMode: TargetingMode;
  /** Pasted list (newline, comma or space separated). */
  shopCodes: string;
  sellerType: SellerType | '';
}

export type CampaignFormField = keyof CampaignFormValues;
export type CampaignFormErrors = Partial<Record<CampaignFormField, string>>;

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  name: '',
  description: '',
  market: '',
  sellerRequirements: '',
  commissionRequirement: '',
  contactEmail: '',
  contactPhone: '',
  messengerHandle: '',
  campaignStart: '',
  campaignEnd: '',
  registrationEnd: '',
  targetingMode: 'OPEN',
  shopCodes: '',
  sellerType: '',
};

export interface CampaignRuleContext {
  /** The market's IANA zone the wall times are in. */
  timeZone: string;
  /**
   * The start must be after this instant: now when creating; when an edit moves the start, the moment the
   * edit applies (now, or 30 minutes from now once published). Null: the start is not checked against time.
   */
  startAfter: Date | null;
  /** Edits: a changed end must be after this instant (when the edit applies). */
  endsAfter?: Date | null;
  /** Edits: the fields that differ from the campaign's effective values. */
  changed?: ReadonlySet<CampaignFormField>;
  /** How to name startAfter / endsAfter when it is not simply "now", e.g. "Dec 1, 2:32 PM (when this edit applies)". */
  afterLabel?: string;
}

function textLength(value: string, max: number, what: string): string | null {
  return value.length > max ? `${what} can be at most ${max} characters (${value.length} now)` : null;
}

/** The date rules: start in the future, end after start, period under 360 days, registration ends within it. */
export function dateErrors(values: Pick<CampaignFormValues, 'campaignStart' | 'campaignEnd' | 'registrationEnd'>, ctx: CampaignRuleContext): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  const start = wallTimeToInstant(values.campaignStart, ctx.timeZone);
  const end = wallTimeToInstant(values.campaignEnd, ctx.timeZone);
  const regEnd = wallTimeToInstant(values.registrationEnd, ctx.timeZone);
  const startMs = start ? Date.parse(start) : null;
  const endMs = end ? Date.parse(end) : null;
  const regEndMs = regEnd ? Date.parse(regEnd) : null;

  if (startMs === null) errors.campaignStart = 'Choose when the campaign starts';
  else if (ctx.startAfter && startMs <= ctx.startAfter.getTime())
    errors.campaignStart = ctx.afterLabel ? `The start must be after ${ctx.afterLabel}` : 'The start must be in the future';

  if (endMs === null) errors.campaignEnd = 'Choose when the campaign ends';
  else if (startMs !== null && endMs <= startMs) errors.campaignEnd = 'The end must be after the start';
  else if (startMs !== null && endMs - startMs >= MAX_PERIOD_DAYS * DAY_MS)
    errors.campaignEnd = `The campaign must be shorter than ${MAX_PERIOD_DAYS} days`;

  const endsAfter = ctx.endsAfter?.getTime();
  const tooEarly = (field: 'campaignEnd' | 'registrationEnd', ms: number | null) =>
    endsAfter !== undefined && ms !== null && ctx.changed?.has(field) && ms <= endsAfter;
  if (!errors.campaignEnd && tooEarly('campaignEnd', endMs))
    errors.campaignEnd = `The new end must be after ${ctx.afterLabel ?? 'now'}`;

  if (regEndMs === null) errors.registrationEnd = 'Choose when registration closes';
  else if (tooEarly('registrationEnd', regEndMs)) errors.registrationEnd = `The new end must be after ${ctx.afterLabel ?? 'now'}`;
  else if (startMs !== null && regEndMs <= startMs) errors.registrationEnd = 'Registration must close after it opens (the campaign start)';
  else if (endMs !== null && regEndMs > endMs) errors.registrationEnd = 'Registration must close by the campaign end';
  return errors;
}

/** Every rule on the whole form; an empty object means it can be submitted. */
export function validateCampaignForm(values: CampaignFormValues, ctx: CampaignRuleContext): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Enter a campaign name';
  else {
    const tooLong = textLength(name, NAME_MAX, 'The name');
    if (tooLong) errors.name = tooLong;
  }
  const description = textLength(values.description, DESCRIPTION_MAX, 'The description');
  if (description) errors.description = description;
  const requirements = textLength(values.sellerRequirements, SELLER_REQUIREMENTS_MAX, 'Seller requirements');
  if (requirements) errors.sellerRequirements = requirements;

  if (!values.market) errors.market = 'Choose the market';

  const rate = checkPercent(values.commissionRequirement);
  if (rate.error) errors.commissionRequirement = rate.error;

  const email = values.contactEmail.trim();
  if (!email) errors.contactEmail = 'Enter a contact email';
  else if (!EMAIL_RE.test(email)) errors.contactEmail = 'Enter a valid email address';

  const phone = values.contactPhone.trim();
  if (phone && !PHONE_RE.test(phone)) errors.contactPhone = 'Enter a phone number: digits, spaces, +, - and brackets';

  if (values.market) {
    const need = MARKET_MESSENGER[values.market];
    if (need.required && !values.messengerHandle.trim())
      errors.messengerHandle = `Sellers in this market expect a ${MESSENGER_LABEL[need.messenger]} contact`;
  }

  Object.assign(errors, dateErrors(values, ctx));

  if (values.targetingMode === 'SELECTED') {
    const codes = shopCodesError(parseShopCodes(values.shopCodes));
    if (codes) errors.shopCodes = codes;
  }
  return errors;
}
