/**
 * Idempotency-Key on every mutation (docs/api-clients.md): one fresh key per submit, reused when the same submit
 * is sent again — a double click while the first is on its way, or a retry after the network failed or the
 * server said the first is still running — so either creates one thing. "The same submit" is the same
 * mutation with the same variables (urql's operation key) that has not had a definitive answer yet; once it
 * has one, submitting again is a new request with a new key.
 */
import { makeOperation, mapExchange, type Exchange, type Operation, type OperationResult } from 'urql';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface SubmitKeys {
  /** The key of this submit: the pending one of an identical mutation, or a fresh one. */
  keyFor: (operation: Operation) => string;
  /** Forget the key once the submit had a definitive answer. */
  settle: (result: OperationResult) => void;
  /** How many submits still hold a key (for tests). */
  pending: () => number;
}

/** True when sending the same request again may still be needed: no answer, or the first is still running. */
export function isRetryable(result: OperationResult): boolean {
  const error = result.error;
  if (!error) return false;
  return Boolean(error.networkError) || error.graphQLErrors.some((e) => e.extensions?.code === 'IDEMPOTENCY_KEY_IN_USE');
}

export function createSubmitKeys(newKey: () => string = () => crypto.randomUUID()): SubmitKeys {
  const open = new Map<number, string>();
  return {
    keyFor(operation) {
      let key = open.get(operation.key);
      if (key === undefined) {
        key = newKey();
        open.set(operation.key, key);
      }
      return key;
    },
    settle(result) {
      if (!isRetryable(result)) open.delete(result.operation.key);
    },
    pending: () => open.size,
  };
}

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init.headers).entries());
}

export function idempotencyExchange(keys: SubmitKeys = createSubmitKeys()): Exchange {
  return mapExchange({
    onOperation(operation) {
      if (operation.kind !== 'mutation') return operation;
      const options = operation.context.fetchOptions;
      const base: RequestInit = (typeof options === 'function' ? options() : options) ?? {};
      return makeOperation(operation.kind, operation, {
        ...operation.context,
        fetchOptions: { ...base, headers: { ...headersOf(base), [IDEMPOTENCY_HEADER]: keys.keyFor(operation) } },
      });
    },
    onResult(result) {
      if (result.operation.kind === 'mutation') keys.settle(result);
    },
  });
}
