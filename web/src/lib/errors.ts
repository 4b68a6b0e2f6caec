import type { CombinedError } from 'urql';
import { codeText, errorKey } from '../i18n/serverErrors';
import { translate } from '../i18n/runtime';

/** A human message for an urql error in the user's language: network trouble, permission, or the server's code. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return translate(errorKey('NETWORK'));
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return translate(errorKey('UNAUTHENTICATED'));
  if (codes.includes('FORBIDDEN')) return translate(errorKey('FORBIDDEN'));
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (first && code !== 'INTERNAL_SERVER_ERROR') {
    return (typeof code === 'string' ? codeText(code) : null) ?? first.message;
  }
  return translate(errorKey('INTERNAL_SERVER_ERROR'));
}
