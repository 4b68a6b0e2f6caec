import { afterEach, describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { activate, Translator } from '../i18n/runtime';
import { setDisplayLocale } from '../lib/format';
import { mutationFormErrors, mutationProblem } from './mutationResult';

const THAI = new Translator('th-TH', {
  'error.NETWORK': [{ type: 0, value: 'เชื่อมต่อไม่ได้' }],
  'error.NAME_TAKEN': [{ type: 0, value: 'ชื่อนี้มีแล้ว' }],
});
const ENGLISH = new Translator('en-US', {
  'error.NETWORK': [{ type: 0, value: 'No connection.' }],
  'error.NAME_TAKEN': [{ type: 0, value: 'That name is taken.' }],
});

afterEach(() => setDisplayLocale('en-US'));

describe('a mutation’s answer', () => {
  it('is no problem when it went through', () => {
    activate(ENGLISH);
    expect(mutationProblem({}, [])).toBeNull();
    expect(mutationProblem({}, undefined)).toBeNull();
    expect(mutationFormErrors({}, [], ['name'])).toBeNull();
  });

  it('puts a network error first, in the user’s language', () => {
    activate(THAI);
    setDisplayLocale('th-TH');
    const error = new CombinedError({ networkError: new Error('offline') });
    expect(mutationProblem({ error }, [{ message: 'ignored', code: 'NAME_TAKEN' }])).toBe('เชื่อมต่อไม่ได้');
    expect(mutationFormErrors({ error }, [], ['name'])).toEqual({ fieldErrors: {}, formErrors: ['เชื่อมต่อไม่ได้'] });
  });

  it('reads userErrors from their code: the code’s message in Thai, the server’s own in English', () => {
    const errors = [
      { field: ['input', 'name'], message: 'The name “A” is taken.', code: 'NAME_TAKEN' },
      { field: null, message: 'Something else.', code: 'UNKNOWN_CODE' },
    ];
    activate(THAI);
    setDisplayLocale('th-TH');
    expect(mutationProblem({}, errors)).toBe('ชื่อนี้มีแล้ว Something else.');
    expect(mutationFormErrors({}, errors, ['name'])).toEqual({ fieldErrors: { name: 'ชื่อนี้มีแล้ว' }, formErrors: ['Something else.'] });
    activate(ENGLISH);
    setDisplayLocale('en-US');
    expect(mutationProblem({}, errors)).toBe('The name “A” is taken. Something else.');
  });
});
