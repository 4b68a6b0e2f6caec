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
});
