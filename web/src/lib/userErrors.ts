/** Maps a payload's userErrors onto form fields, in the user's language (i18n/serverErrors). */
import { errorText } from '../i18n/serverErrors';

export interface UserErrorLike {
  field?: ReadonlyArray<string> | string | null;
  message: string;
  code?: string | null;
}

/**
 * The field a userError names, as the last segment of its path: ["input", "email"] → "email".
 * Returns null for errors about the whole input.
 */
export function userErrorField(error: UserErrorLike): string | null {
  const { field } = error;
  if (field === null || field === undefined) return null;
  const path = typeof field === 'string' ? field.split('.') : field;
  const last = path[path.length - 1];
  return last && last !== 'input' ? last : null;
}

/**
 * Splits userErrors into per-field messages for the given known fields and the rest (shown as a form alert).
 * `aliases` names the form field of an input field the form calls otherwise ({ contactEmail: 'email' }).
 */
export function splitUserErrors<F extends string>(
  errors: ReadonlyArray<UserErrorLike>,
  fields: ReadonlyArray<F>,
  aliases: Readonly<Partial<Record<string, F>>> = {},
): { fieldErrors: Partial<Record<F, string>>; formErrors: string[] } {
  const fieldErrors: Partial<Record<F, string>> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const given = userErrorField(error);
    const name = given === null ? null : (aliases[given] ?? given);
    if (name !== null && (fields as ReadonlyArray<string>).includes(name)) {
      const key = name as F;
      const text = errorText(error);
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${text}` : text;
    } else {
      formErrors.push(errorText(error));
    }
  }
  return { fieldErrors, formErrors };
}
