/** Maps a payload's userErrors onto form fields. */
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
 */
export function splitUserErrors<F extends string>(
  errors: ReadonlyArray<UserErrorLike>,
  fields: ReadonlyArray<F>,
): { fieldErrors: Partial<Record<F, string>>; formErrors: string[] } {
  const fieldErrors: Partial<Record<F, string>> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const name = userErrorField(error);
    if (name !== null && (fields as ReadonlyArray<string>).includes(name)) {
      const key = name as F;
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${error.message}` : error.message;
    } else {
      formErrors.push(error.message);
    }
  }
  return { fieldErrors, formErrors };
}
