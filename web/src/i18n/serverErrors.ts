/**
 * Server errors in the user's language. Every userError code of the API (the *ErrorCode enums of
 * schema.graphql) and every top-level error code the app meets has a message `error.<CODE>` in each catalogue
 * (src/i18n/i18n.test.ts fails on one that has none). In English the server's own message is shown: it is the
 * same language and names the field's limit; in the other languages the code's message is.
 */
import type { MessageKey } from './catalogues';
import { getDisplayLocale } from '../lib/format';
import { ERROR_NAMESPACE } from './namespaces';
import { hasMessage, translate } from './runtime';

export interface CodedError {
  message: string;
  code?: string | null;
}

/** `error.<CODE>` (built, not written out: see ERROR_NAMESPACE). */
export function errorKey(code: string): MessageKey {
  return `${ERROR_NAMESPACE}.${code}` as MessageKey;
}

function knownKey(code: string): MessageKey | null {
  const key = errorKey(code);
  return hasMessage(key) ? key : null;
}

/** The text of a userError (or any coded error) in the language in use. */
export function errorText(error: CodedError): string {
  const key = error.code ? knownKey(error.code) : null;
  if (!key) return error.message;
  if (getDisplayLocale().startsWith('en') && error.message) return error.message;
  return translate(key);
}

/** A top-level error code's message (UNAUTHENTICATED, FORBIDDEN, …), or null for codes with none. */
export function codeText(code: string): string | null {
  const key = knownKey(code);
  return key ? translate(key) : null;
}
