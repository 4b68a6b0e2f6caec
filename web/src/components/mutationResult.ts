/**
 * One way to read a mutation's answer: a network or top-level error (describeError), else the payload's
 * userErrors in the user's language (errorText: from the error code), for a toast or onto a form's fields.
 */
import { notifications } from '@mantine/notifications';
import type { CombinedError } from 'urql';
import { errorText } from '../i18n/serverErrors';
import { describeError } from '../lib/errors';
import { splitUserErrors, type UserErrorLike } from '../lib/userErrors';

/** What urql's mutation returns, as far as success is concerned. */
export interface MutationAnswer {
  error?: CombinedError | undefined;
}

type UserErrors = ReadonlyArray<UserErrorLike> | null | undefined;

/** What went wrong, in the user's language, or null when the mutation went through. */
export function mutationProblem(result: MutationAnswer, userErrors: UserErrors): string | null {
  if (result.error) return describeError(result.error);
  if (!userErrors?.length) return null;
  return userErrors.map(errorText).join(' ');
}

/** Shows what went wrong as a red toast titled `title`; true when the mutation went through. */
export function toastIfFailed(title: string, result: MutationAnswer, userErrors: UserErrors): boolean {
  const problem = mutationProblem(result, userErrors);
  if (problem !== null) notifications.show({ color: 'red', title, message: problem });
  return problem === null;
}

export interface FormProblems<F extends string> {
  fieldErrors: Partial<Record<F, string>>;
  /** Errors about the whole form (a network error, a userError about no field of the form). */
  formErrors: string[];
}

/**
 * A form's errors from a mutation's answer (userErrors onto the named fields; `aliases` as for splitUserErrors),
 * or null when it went through.
 */
export function mutationFormErrors<F extends string>(
  result: MutationAnswer,
  userErrors: UserErrors,
  fields: ReadonlyArray<F>,
  aliases?: Readonly<Partial<Record<string, F>>>,
): FormProblems<F> | null {
  if (result.error) return { fieldErrors: {}, formErrors: [describeError(result.error)] };
  if (!userErrors?.length) return null;
  return splitUserErrors(userErrors, fields, aliases);
}

/**
 * Puts a mutation's problems on a form (@mantine/form's setErrors): each named field's error at its field, the
 * others cleared; returns the text about the whole form, or null when there is none.
 */
export function showFormProblems<F extends string>(form: { setErrors: (errors: Partial<Record<F, string>>) => void }, problems: FormProblems<F>): string | null {
  form.setErrors(problems.fieldErrors);
  return problems.formErrors.join(' ') || null;
}

/** Focuses the first field of `order` that has an error: the input whose id is `${idPrefix}-${field}`. */
export function focusFirstError<F extends string>(errors: Partial<Record<F, unknown>>, order: ReadonlyArray<F>, idPrefix: string): void {
  const first = order.find((f) => errors[f]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
}

/**
 * A form checked here, then by the server: with errors of its own nothing is sent; the server's userErrors land
 * on their fields and the rest in the form's alert (`setFormError`); given an `idPrefix`, the first field with an
 * error takes the focus (see focusFirstError). Resolves to the mutation's answer when it went through, else null.
 */
export async function submitChecked<F extends string, R extends MutationAnswer>(
  form: { validate: () => { hasErrors: boolean; errors: Partial<Record<string, unknown>> }; setErrors: (errors: Partial<Record<F, string>>) => void },
  { fields, idPrefix, setFormError }: { fields: ReadonlyArray<F>; idPrefix?: string; setFormError: (text: string | null) => void },
  send: () => Promise<R>,
  userErrors: (result: R) => UserErrors,
): Promise<R | null> {
  setFormError(null);
  const checked = form.validate();
  if (checked.hasErrors) {
    if (idPrefix) focusFirstError(checked.errors, fields, idPrefix);
    return null;
  }
  const result = await send();
  const problems = mutationFormErrors(result, userErrors(result), fields);
  if (!problems) return result;
  setFormError(showFormProblems(form, problems));
  if (idPrefix) focusFirstError(problems.fieldErrors, fields, idPrefix);
  return null;
}
