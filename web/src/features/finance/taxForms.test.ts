import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/messages/en.json';
import { loadFormatter, Translator } from '../../i18n/runtime';
import type { Catalogue } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';

// The messages in English, as the app shows them.
const english = new Translator('en', en as unknown as Catalogue);
const t: Translate = (key, values) => english.format(key, values);
beforeAll(loadFormatter);
import {
  bankAccountInput,
  bankFields,
  bankFormProblems,
  emptyTaxForm,
  formatTinInput,
  localTaxIdProblem,
  maskedNumber,
  taxFormProblems,
  taxInfoInput,
  tinProblem,
} from './taxForms';

describe('W-9 TIN input', () => {
  it('groups an SSN 3-2-4 and an EIN 2-7 as it is typed, digits only, at most 9', () => {
    expect(formatTinInput('123', 'SSN')).toBe('123');
    expect(formatTinInput('1234', 'SSN')).toBe('123-4');
    expect(formatTinInput('123456789', 'SSN')).toBe('123-45-6789');
    expect(formatTinInput('123-45-67890000', 'SSN')).toBe('123-45-6789');
    expect(formatTinInput('12', 'EIN')).toBe('12');
    expect(formatTinInput('12a3456789', 'EIN')).toBe('12-3456789');
  });

  it('tells an invalid TIN before sending it', () => {
    expect(tinProblem('', 'SSN', t)).toMatch(/Enter/);
    expect(tinProblem('123-45-678', 'SSN', t)).toBe('A TIN is 9 digits');
    expect(tinProblem('666-12-3456', 'SSN', t)).toMatch(/not a valid social security/);
    expect(tinProblem('912-12-3456', 'SSN', t)).toMatch(/not a valid social security/);
    expect(tinProblem('123-00-4567', 'SSN', t)).toMatch(/not a valid social security/);
    expect(tinProblem('00-1234567', 'EIN', t)).toMatch(/employer/);
    expect(tinProblem('123-45-6789', 'SSN', t)).toBeNull();
    expect(tinProblem('12-3456789', 'EIN', t)).toBeNull();
  });
});

describe('local tax ids', () => {
  it('accepts each market format with separators', () => {
    expect(localTaxIdProblem('1-2345-67890-12-3', 'TH', t)).toBeNull();
    expect(localTaxIdProblem('123-456-789-000', 'PH', t)).toBeNull();
    expect(localTaxIdProblem('ig12345678090', 'MY', t)).toBeNull();
    expect(localTaxIdProblem('AB 12 34 56 C', 'GB', t)).toBeNull();
    expect(localTaxIdProblem('0123456789', 'VN', t)).toBeNull();
    expect(localTaxIdProblem('01.234.567.8-901.000', 'ID', t)).toBeNull();
  });

  it('explains a wrong one', () => {
    expect(localTaxIdProblem('12345', 'TH', t)).toBe('Enter the 13-digit number on your ID card or company certificate');
    expect(localTaxIdProblem('', 'VN', t)).toBe('Enter your tax id');
  });
});

describe('tax form', () => {
  const us = { ...emptyTaxForm('Jane Doe'), taxId: '123-45-6789', line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', certify: true };

  it('builds a W-9 for US payees', () => {
    expect(taxFormProblems(us, 'US', t)).toEqual({});
    expect(taxInfoInput(us, 'US')).toEqual({
      w9: {
        legalName: 'Jane Doe',
        businessName: null,
        entityType: 'INDIVIDUAL',
        tinType: 'SSN',
        tin: '123456789',
        address: { line1: '1 Market St', line2: null, city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
        certify: true,
      },
    });
  });

  it('asks for certification, a state and an EIN for a business', () => {
    const problems = taxFormProblems({ ...us, certify: false, region: '', entityType: 'BUSINESS' }, 'US', t);
    expect(Object.keys(problems).sort()).toEqual(['certify', 'region', 'tinType']);
  });

  it('builds the local form elsewhere, in the payee market', () => {
    const th = { ...emptyTaxForm('Ploy Chanida'), taxId: '1-2345-67890-12-3', line1: '9 Sukhumvit', city: 'Bangkok', postalCode: '10110' };
    expect(taxFormProblems(th, 'TH', t)).toEqual({});
    expect(taxInfoInput(th, 'TH')).toEqual({
      local: {
        legalName: 'Ploy Chanida',
        entityType: 'INDIVIDUAL',
        taxId: '1234567890123',
        address: { line1: '9 Sukhumvit', line2: null, city: 'Bangkok', region: null, postalCode: '10110', country: 'TH' },
      },
    });
  });
});

describe('bank accounts', () => {
  it('masks numbers to their last four digits', () => {
    expect(maskedNumber('4321')).toBe('•••• 4321');
  });

  it('takes each market bank details', () => {
    expect(bankFields('US', t).routingLabel).toBe('ABA routing number');
    expect(bankFields('GB', t).routingLabel).toBe('Sort code');
    expect(bankFields('TH', t).routingPlaceholder).toBe('BKKBTHBK');
    expect(bankFormProblems({ holderName: 'A', bankName: 'B', accountNumber: '123', routingCode: 'X' }, 'GB', t)).toEqual({ accountNumber: 'An account number here is 8 digits' });
    expect(bankFormProblems({ holderName: 'A', bankName: 'B', accountNumber: '123-456-7890', routingCode: 'BKKBTHBK' }, 'TH', t)).toEqual({});
    expect(bankAccountInput({ holderName: ' A ', bankName: 'B', accountNumber: '123-456 7890', routingCode: 'bkkb th bk' })).toEqual({
      holderName: 'A',
      bankName: 'B',
      accountNumber: '1234567890',
      routingCode: 'BKKBTHBK',
    });
  });
});
