/** Where a campaign mutation's userError belongs on the form: its `field` path mapped to a form field. */
import type { CampaignFormField } from './campaignFormRules';

/** API fields named as the form names them. */
const SAME_NAME: ReadonlyArray<CampaignFormField> = ['name', 'description', 'market', 'sellerRequirements', 'registrationEnd', 'campaignEnd'];

const TOP_LEVEL: Readonly<Record<string, CampaignFormField>> = {
  ...Object.fromEntries(SAME_NAME.map((field) => [field, field])),
  commissionRequirementBps: 'commissionRequirement',
  // Registration starts with the campaign; the form has one start field.
  registrationStart: 'campaignStart',
  campaignStart: 'campaignStart',
};

const CONTACT: Readonly<Record<string, CampaignFormField>> = {
  email: 'contactEmail',
  phone: 'contactPhone',
  messenger: 'messengerHandle',
  messengerHandle: 'messengerHandle',
};

const TARGETING: Readonly<Record<string, CampaignFormField>> = {
  mode: 'targetingMode',
  shopCodes: 'shopCodes',
  sellerType: 'sellerType',
};

/** ["input", "contact", "email"] → "contactEmail"; ["input", "targeting", "shopCodes", "3"] → "shopCodes". */
export function campaignErrorField(path: ReadonlyArray<string> | null | undefined): CampaignFormField | null {
  if (!path) return null;
  const parts = path[0] === 'input' ? path.slice(1) : path;
  const [head, sub] = parts;
  if (!head) return null;
  if (head === 'contact') return sub ? (CONTACT[sub] ?? 'contactEmail') : 'contactEmail';
  if (head === 'targeting') return sub ? (TARGETING[sub] ?? 'targetingMode') : 'targetingMode';
  return TOP_LEVEL[head] ?? null;
}

export interface CampaignUserErrorLike {
  field?: ReadonlyArray<string> | null;
  message: string;
  code?: string | null;
  unknownShopCodes?: ReadonlyArray<string> | null;
  editableAt?: string | null;
}

export interface MappedCampaignErrors {
  fieldErrors: Partial<Record<CampaignFormField, string>>;
  /** Errors about the whole campaign (a pending change, closed, conflict). */
  formErrors: CampaignUserErrorLike[];
  unknownShopCodes: string[];
}

export function mapCampaignErrors(errors: ReadonlyArray<CampaignUserErrorLike>): MappedCampaignErrors {
  const fieldErrors: Partial<Record<CampaignFormField, string>> = {};
  const formErrors: CampaignUserErrorLike[] = [];
  const unknownShopCodes: string[] = [];
  for (const error of errors) {
    if (error.unknownShopCodes) unknownShopCodes.push(...error.unknownShopCodes);
    const field = campaignErrorField(error.field);
    if (field) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${error.message}` : error.message;
    else formErrors.push(error);
  }
  return { fieldErrors, formErrors, unknownShopCodes };
}
