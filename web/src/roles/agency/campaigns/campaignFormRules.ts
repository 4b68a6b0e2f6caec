/**
 * The campaign rules a person can break while typing, checked in the browser before anything is sent
 * (the server checks them again and its userErrors land on the same fields).
 */
import type { Market, SellerType, TargetingMode } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { translate } from '../../../i18n/runtime';
import { MARKET_MESSENGER, MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { checkPercent } from '../../../features/campaigns/percent';
import { parseShopCodes, shopCodesError } from './shopCodes';
import { wallTimeToInstant } from '../../../features/campaigns/zonedTime';

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

function textLength(value: string, max: number, key: MessageKey): string | null {
  return value.length > max ? translate(key, { max, count: value.length }) : null;
}

/** An edit's new end that is not after the moment the edit applies (named by ctx.afterLabel, else now). */
function newEndError(ctx: CampaignRuleContext): string {
  return ctx.afterLabel ? translate('campaigns.formError.newEndAfter', { when: ctx.afterLabel }) : translate('campaigns.formError.newEndAfterNow');
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

  if (startMs === null) errors.campaignStart = translate('campaigns.formError.startRequired');
  else if (ctx.startAfter && startMs <= ctx.startAfter.getTime())
    errors.campaignStart = ctx.afterLabel ? translate('campaigns.formError.startAfter', { when: ctx.afterLabel }) : translate('campaigns.formError.startFuture');

  if (endMs === null) errors.campaignEnd = translate('campaigns.formError.endRequired');
  else if (startMs !== null && endMs <= startMs) errors.campaignEnd = translate('campaigns.formError.endAfterStart');
  else if (startMs !== null && endMs - startMs >= MAX_PERIOD_DAYS * DAY_MS)
    errors.campaignEnd = translate('campaigns.formError.periodTooLong', { days: MAX_PERIOD_DAYS });

  const endsAfter = ctx.endsAfter?.getTime();
  const tooEarly = (field: 'campaignEnd' | 'registrationEnd', ms: number | null) =>
    endsAfter !== undefined && ms !== null && ctx.changed?.has(field) && ms <= endsAfter;
  if (!errors.campaignEnd && tooEarly('campaignEnd', endMs))
    errors.campaignEnd = newEndError(ctx);

  if (regEndMs === null) errors.registrationEnd = translate('campaigns.formError.registrationEndRequired');
  else if (tooEarly('registrationEnd', regEndMs)) errors.registrationEnd = newEndError(ctx);
  else if (startMs !== null && regEndMs <= startMs) errors.registrationEnd = translate('campaigns.formError.registrationEndAfterStart');
  else if (endMs !== null && regEndMs > endMs) errors.registrationEnd = translate('campaigns.formError.registrationEndByEnd');
  return errors;
}

/** Every rule on the whole form; an empty object means it can be submitted. */
export function validateCampaignForm(values: CampaignFormValues, ctx: CampaignRuleContext): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = translate('campaigns.formError.nameRequired');
  else {
    const tooLong = textLength(name, NAME_MAX, 'campaigns.formError.nameTooLong');
    if (tooLong) errors.name = tooLong;
  }
  const description = textLength(values.description, DESCRIPTION_MAX, 'campaigns.formError.descriptionTooLong');
  if (description) errors.description = description;
  const requirements = textLength(values.sellerRequirements, SELLER_REQUIREMENTS_MAX, 'campaigns.formError.requirementsTooLong');
  if (requirements) errors.sellerRequirements = requirements;

  if (!values.market) errors.market = translate('campaigns.formError.marketRequired');

  const rate = checkPercent(values.commissionRequirement);
  if (rate.error) errors.commissionRequirement = rate.error;

  const email = values.contactEmail.trim();
  if (!email) errors.contactEmail = translate('campaigns.formError.emailRequired');
  else if (!EMAIL_RE.test(email)) errors.contactEmail = translate('campaigns.formError.emailInvalid');

  const phone = values.contactPhone.trim();
  if (phone && !PHONE_RE.test(phone)) errors.contactPhone = translate('campaigns.formError.phoneInvalid');

  if (values.market) {
    const need = MARKET_MESSENGER[values.market];
    if (need.required && !values.messengerHandle.trim())
      errors.messengerHandle = translate('campaigns.formError.messengerRequired', { messenger: MESSENGER_LABEL[need.messenger] });
  }

  Object.assign(errors, dateErrors(values, ctx));

  if (values.targetingMode === 'SELECTED') {
    const codes = shopCodesError(parseShopCodes(values.shopCodes));
    if (codes) errors.shopCodes = codes;
  }
  return errors;
}
