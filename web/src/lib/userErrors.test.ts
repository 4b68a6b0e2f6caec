import { describe, expect, it } from 'vitest';
import { splitUserErrors, userErrorField } from './userErrors';

describe('userErrors', () => {
  it('takes the last path segment as the field', () => {
    expect(userErrorField({ field: ['input', 'password'], message: 'x' })).toBe('password');
    expect(userErrorField({ field: ['email'], message: 'x' })).toBe('email');
    expect(userErrorField({ field: 'input.email', message: 'x' })).toBe('email');
    expect(userErrorField({ field: ['input'], message: 'x' })).toBeNull();
    expect(userErrorField({ field: null, message: 'x' })).toBeNull();
  });

  it('splits known fields from form-level errors', () => {
    const { fieldErrors, formErrors } = splitUserErrors(
      [
        { field: ['input', 'password'], message: 'Wrong password.' },
        { field: null, message: 'Too many attempts.' },
        { field: ['input', 'otp'], message: 'Unknown.' },
      ],
      ['email', 'password'] as const,
    );
    expect(fieldErrors).toEqual({ password: 'Wrong password.' });
    expect(formErrors).toEqual(['Too many attempts.', 'Unknown.']);
  });

  it('puts an input field the form calls otherwise at its alias, joining two errors of one field', () => {
    const { fieldErrors, formErrors } = splitUserErrors(
      [
        { field: ['input', 'contactEmail'], message: 'Enter an email.' },
        { field: ['input', 'items', '0', 'totalRateBps'], message: 'Too low.' },
        { field: ['input', 'totalRateBps'], message: 'Below the campaign.' },
        { field: ['input', 'id'], message: 'Not yours.' },
      ],
      ['email', 'rate'] as const,
      { contactEmail: 'email', totalRateBps: 'rate' },
    );
    expect(fieldErrors).toEqual({ email: 'Enter an email.', rate: 'Too low. Below the campaign.' });
    expect(formErrors).toEqual(['Not yours.']);
  });
});
