import type { CombinedError } from 'urql';

/** A human message for an urql error: network trouble, permission, or the server's own message. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return 'The server could not be reached. Check your connection and try again.';
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'Your session has ended. Please sign in again.';
  if (codes.includes('FORBIDDEN')) return 'You do not have access to this information.';
  const first = error.graphQLErrors[0];
  if (first && first.extensions?.code !== 'INTERNAL_SERVER_ERROR') return first.message;
  return 'Something went wrong on our side. Please try again.';
}
