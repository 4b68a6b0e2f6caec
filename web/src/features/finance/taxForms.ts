/**
 * Tax info and bank account forms: the W-9 TIN as it is typed (SSN 123-45-6789, EIN 12-3456789), each market's
 * local tax id and bank details as the server checks them (server/services/finance), masked numbers, and the
 * mutation inputs built from the form values.
 */
import type { BankAccountLinkInput, Market, TaxEntityType, TaxInfoSubmitInput, TinType } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';

// --------------------------------------------------------------------------------------------- numbers

/** Only the last four digits are ever shown: "•••• 6789". */
export function maskedNumber(last4: string): string {
  return `•••• ${last4}`;
}

/** A W-9 TIN as it is typed: digits only (at most 9), grouped as an SSN (3-2-4) or an EIN (2-7). */
export function formatTinInput(raw: string, tinType: TinType): string {
  const digits = raw.replace(/\D/g, '').slice(0, 9);
  if (tinType === 'EIN') return digits.length > 2 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
  if (digits.length > 5) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  if (digits.length > 3) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return digits;
}

/** What is wrong with a TIN before sending it (the server checks the same and more), or null. */
export function tinProblem(value: string, tinType: TinType, t: Translate): string | null {
  const digits = value.replace(/\D/g, '');
  if (!digits) return t('finance.taxForm.enterTin');
  if (digits.length !== 9) return t('finance.taxForm.tinDigits');
  if (tinType === 'SSN' && (['000', '666'].includes(digits.slice(0, 3)) || digits[0] === '9' || digits.slice(3, 5) === '00' || digits.slice(5) === '0000')) {
    return t('finance.taxForm.badSsn');
  }
  if (tinType === 'EIN' && digits.startsWith('00')) return t('finance.taxForm.badEin');
  return null;
}

// --------------------------------------------------------------------------------------------- local tax ids

export interface LocalTaxId {
  label: MessageKey;
  description: MessageKey;
  /** The message when the id does not have this shape ("Enter …"). */
  enter: MessageKey;
  placeholder: string;
  pattern: RegExp;
}

/** Each market's tax id after removing spaces, dashes, dots and slashes (server/services/finance/tax.py). */
export const LOCAL_TAX_ID: Readonly<Record<Exclude<Market, 'US'>, LocalTaxId>> = {
  ID: { label: 'finance.taxId.ID.label', description: 'finance.taxId.ID.description', enter: 'finance.taxId.ID.enter', placeholder: '01.234.567.8-901.000', pattern: /^\d{15,16}$/ },
  MY: { label: 'finance.taxId.MY.label', description: 'finance.taxId.MY.description', enter: 'finance.taxId.MY.enter', placeholder: 'IG12345678090', pattern: /^[A-Z]{1,2}\d{8,12}$/ },
  PH: { label: 'finance.taxId.PH.label', description: 'finance.taxId.PH.description', enter: 'finance.taxId.PH.enter', placeholder: '123-456-789-000', pattern: /^\d{12,14}$/ },
  TH: { label: 'finance.taxId.TH.label', description: 'finance.taxId.TH.description', enter: 'finance.taxId.TH.enter', placeholder: '1-2345-67890-12-3', pattern: /^\d{13}$/ },
  VN: { label: 'finance.taxId.VN.label', description: 'finance.taxId.VN.description', enter: 'finance.taxId.VN.enter', placeholder: '0123456789', pattern: /^\d{10}(\d{3})?$/ },
  GB: { label: 'finance.taxId.GB.label', description: 'finance.taxId.GB.description', enter: 'finance.taxId.GB.enter', placeholder: '12345 67890', pattern: /^(\d{10}|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D])$/ },
};

export function normaliseTaxId(value: string): string {
  return value.replace(/[\s\-./]/g, '').toUpperCase();
}

export function localTaxIdProblem(value: string, market: Exclude<Market, 'US'>, t: Translate): string | null {
  const id = normaliseTaxId(value);
  if (!id) return t('finance.taxForm.enterTaxId');
  return LOCAL_TAX_ID[market].pattern.test(id) ? null : t(LOCAL_TAX_ID[market].enter);
}

// --------------------------------------------------------------------------------------------- tax form values

export interface TaxFormValues {
  legalName: string;
  businessName: string;
  entityType: TaxEntityType;
  tinType: TinType;
  /** The TIN (US) or the local tax id. */
  taxId: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  certify: boolean;
}

export const TAX_FIELDS = ['legalName', 'businessName', 'entityType', 'tinType', 'tin', 'taxId', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'certify'] as const;
export type TaxField = (typeof TAX_FIELDS)[number];

export function emptyTaxForm(legalName = ''): TaxFormValues {
  return { legalName, businessName: '', entityType: 'INDIVIDUAL', tinType: 'SSN', taxId: '', line1: '', line2: '', city: '', region: '', postalCode: '', certify: false };
}

/** Problems the form can tell before sending (the server checks everything again), by field. */
export function taxFormProblems(values: TaxFormValues, market: Market, t: Translate): Partial<Record<TaxField, string>> {
  const problems: Partial<Record<TaxField, string>> = {};
  if (!values.legalName.trim()) problems.legalName = market === 'US' ? t('finance.taxForm.enterReturnName') : t('finance.taxForm.enterLegalName');
  if (!values.line1.trim()) problems.line1 = t('finance.taxForm.enterStreet');
  if (!values.city.trim()) problems.city = t('finance.taxForm.enterCity');
  if (!values.postalCode.trim()) problems.postalCode = t('finance.taxForm.enterPostal');
  if (market === 'US') {
    const tin = tinProblem(values.taxId, values.tinType, t);
    if (tin) problems.tin = tin;
    if (values.entityType === 'BUSINESS' && values.tinType === 'SSN') problems.tinType = t('finance.taxForm.businessEin');
    if (!/^[A-Z]{2}$/.test(values.region.trim().toUpperCase())) problems.region = t('finance.taxForm.chooseState');
    else if (!/^\d{5}(-\d{4})?$/.test(values.postalCode.trim()) && values.postalCode.trim()) problems.postalCode = t('finance.taxForm.enterZip');
    if (!values.certify) problems.certify = t('finance.taxForm.certifyRequired');
  } else {
    const id = localTaxIdProblem(values.taxId, market, t);
    if (id) problems.taxId = id;
  }
  return problems;
}

/** The taxInfoSubmit input: a W-9 for US payees, the local tax id elsewhere; the address is in the payee's market. */
export function taxInfoInput(values: TaxFormValues, market: Market): TaxInfoSubmitInput {
  const address = {
    line1: values.line1.trim(),
    line2: values.line2.trim() || null,
    city: values.city.trim(),
    region: values.region.trim() || null,
    postalCode: values.postalCode.trim(),
    country: market,
  };
  if (market === 'US') {
    return {
      w9: {
        legalName: values.legalName.trim(),
        businessName: values.businessName.trim() || null,
        entityType: values.entityType,
        tinType: values.tinType,
        tin: values.taxId.replace(/\D/g, ''),
        address: { ...address, region: address.region?.toUpperCase() ?? null },
        certify: values.certify,
      },
    };
  }
  return { local: { legalName: values.legalName.trim(), entityType: values.entityType, taxId: normaliseTaxId(values.taxId), address } };
}

// --------------------------------------------------------------------------------------------- bank accounts

export interface BankFields {
  accountLabel: string;
  accountDescription: string;
  routingLabel: string;
  routingDescription: string;
  routingPlaceholder: string;
  digits: [number, number];
}

/** The bank details each market takes (server/services/finance/bank.py). */
export function bankFields(market: Market, t: Translate): BankFields {
  const accountLabel = t('finance.bank.accountNumber');
  if (market === 'US') {
    return { accountLabel, accountDescription: t('finance.bank.digitsRange', { low: 4, high: 17 }), routingLabel: t('finance.bank.aba'), routingDescription: t('finance.bank.abaHint'), routingPlaceholder: '021000021', digits: [4, 17] };
  }
  if (market === 'GB') {
    return { accountLabel, accountDescription: t('finance.bank.digitsExact', { count: 8 }), routingLabel: t('finance.bank.sortCode'), routingDescription: t('finance.bank.sortCodeHint'), routingPlaceholder: '20-00-00', digits: [8, 8] };
  }
  return {
    accountLabel,
    accountDescription: t('finance.bank.digitsRange', { low: 6, high: 20 }),
    routingLabel: t('finance.bank.swift'),
    routingDescription: t('finance.bank.swiftHint', { market, example: `BKKB${market}BK` }),
    routingPlaceholder: `BKKB${market}BK`,
    digits: [6, 20],
  };
}

export interface BankFormValues {
  holderName: string;
  bankName: string;
  accountNumber: string;
  routingCode: string;
}

export const BANK_FIELDS = ['holderName', 'bankName', 'accountNumber', 'routingCode'] as const;
export type BankField = (typeof BANK_FIELDS)[number];

export function bankFormProblems(values: BankFormValues, market: Market, t: Translate): Partial<Record<BankField, string>> {
  const problems: Partial<Record<BankField, string>> = {};
  if (!values.holderName.trim()) problems.holderName = t('finance.bank.enterHolder');
  if (!values.bankName.trim()) problems.bankName = t('finance.bank.enterBank');
  const number = values.accountNumber.replace(/[\s-]/g, '');
  const fields = bankFields(market, t);
  const [low, high] = fields.digits;
  if (!number) problems.accountNumber = t('finance.bank.enterAccount');
  else if (!/^\d+$/.test(number) || number.length < low || number.length > high) problems.accountNumber = low === high ? t('finance.bank.accountExact', { count: low }) : t('finance.bank.accountRange', { low, high });
  if (!values.routingCode.trim()) problems.routingCode = t('finance.bank.enterRouting', { label: fields.routingLabel });
  return problems;
}

export function bankAccountInput(values: BankFormValues): BankAccountLinkInput {
  return {
    holderName: values.holderName.trim(),
    bankName: values.bankName.trim(),
    accountNumber: values.accountNumber.replace(/[\s-]/g, ''),
    routingCode: values.routingCode.replace(/[\s-]/g, '').toUpperCase(),
  };
}

/** US states, DC and territories (the W-9 address takes the two-letter code). */
export const US_STATES: ReadonlyArray<{ value: string; label: string }> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'],
  ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'],
  ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'],
  ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
  ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['AS', 'American Samoa'], ['GU', 'Guam'],
  ['MP', 'Northern Mariana Islands'], ['PR', 'Puerto Rico'], ['VI', 'U.S. Virgin Islands'],
].map(([value, label]) => ({ value: value!, label: `${label} (${value})` }));
