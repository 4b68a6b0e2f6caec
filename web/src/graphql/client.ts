/**
 * The one GraphQL client module: urql over same-origin HTTP for queries and mutations, graphql-ws
 * (`graphql-transport-ws` subprotocol) for subscriptions.
 *
 * Authentication is the HttpOnly session cookie the server sets on `login`; the app never sees a token.
 * A WebSocket is authenticated once, at its handshake, and graphql-ws evaluates connectionParams once
 * (at connection), so after login or logout the whole client is recreated with `createGraphqlClient`
 * (new socket, empty cache) and the old one disposed.
 *
 * When the server's event broker reconnects, events may have been missed: each live subscription then gets
 * one `next` carrying only an `EVENTS_RESYNC` error. That signal never reaches the screens as an error; it
 * calls `onResync` (once per burst, however many subscriptions carried it), and the screens refetch.
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient, type Sink } from 'graphql-ws';
import { idempotencyExchange } from './idempotency';

export const GRAPHQL_PATH = '/graphql';

export type ConnectionState =
  /** No socket wanted yet (lazy: opens with the first subscription). */
  | 'idle'
  | 'connecting'
  | 'connected'
  /** The socket dropped after having been connected; graphql-ws is retrying. */
  | 'reconnecting'
  /** The server refused the socket (e.g. session ended); no more retries. */
  | 'closed';

export interface GraphqlClientOptions {
  /** Called on every connection state change of the subscription socket. */
  onConnectionState?: (state: ConnectionState) => void;
  /** Called when the socket is back after a drop: screens refetch what they show. */
  onReconnected?: () => void;
  /** Called when the server says live events may have been missed (its broker reconnected): refetch. */
  onResync?: () => void;
  /** Called when the server answers UNAUTHENTICATED (session expired or revoked). */
  onUnauthenticated?: () => void;
  /** Override for tests; defaults to the page's origin. */
  httpUrl?: string;
  wsUrl?: string;
}

export interface GraphqlClient {
  urql: Client;
  ws: WsClient;
  dispose: () => void;
}

/** ws(s)://<same host>/graphql, derived from the page so the dev proxy and production both work. */
export function websocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

/**
 * Close codes after which graphql-ws gives up (its own fatal list: internal 1xxx errors, 4500 internal
 * server error, 4005, 4400 bad request, 4004, 4401 unauthorised, 4406 subprotocol, 4409, 4429) plus
 * 4403 forbidden, which this app treats as fatal too (the session is gone; retrying cannot help).
 */
const RETRYABLE_1XXX = new Set([1000, 1001, 1005, 1006, 1012, 1013, 1014]);
const FATAL_4XXX = new Set([4500, 4005, 4400, 4004, 4401, 4403, 4406, 4409, 4429]);

export function isFatalCloseCode(code: number | undefined): boolean {
  if (code === undefined) return false;
  if (code >= 1000 && code <= 1999) return !RETRYABLE_1XXX.has(code);
  return FATAL_4XXX.has(code);
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event
    ? Number((event as { code: unknown }).code)
    : undefined;
}

/** Exponential back-off with jitter, capped at 10 s. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** retries);
  return Math.round(base / 2 + (random() * base) / 2);
}

export const RESYNC_CODE = 'EVENTS_RESYNC';

/** The server's "live events may have been missed, refetch" signal on a subscription stream. */
export function isResyncSignal(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('errors' in value)) return false;
  const errors = (value as { errors?: unknown }).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e) => (e as { extensions?: { code?: unknown } } | null)?.extensions?.code === RESYNC_CODE)
  );
}

/** Passes a subscription's results on, except the resync signal, which calls `onResync` instead. */
export function resyncAwareSink<T>(sink: Sink<T>, onResync: () => void): Sink<T> {
  return {
    next: (value) => (isResyncSignal(value) ? onResync() : sink.next(value)),
    error: (error) => sink.error(error),
    complete: () => sink.complete(),
  };
}

/** Calls `fn` once after a burst of calls (every live subscription carries the signal at about the same time). */
export function coalesced(fn: () => void, delayMs = 50): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, delayMs);
  };
}

export function createGraphqlClient(options: GraphqlClientOptions = {}): GraphqlClient {
  let everConnected = false;
  let disposed = false;
  const report = (state: ConnectionState) => {
    if (!disposed) options.onConnectionState?.(state);
  };
  const resync = coalesced(() => {
    if (!disposed) options.onResync?.();
  });

  const ws = createWsClient({
    url: options.wsUrl ?? websocketUrl(),
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !isFatalCloseCode(closeCode(event)),
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    on: {
      connecting: () => report(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        const wasReconnect = everConnected;
        everConnected = true;
        report('connected');
        if (wasReconnect && !disposed) options.onReconnected?.();
      },
      closed: (event) => {
        const code = closeCode(event);
        if (isFatalCloseCode(code)) report('closed');
        // 1000 is the lazy close after the last subscription ended: not an outage.
        else if (code === 1000) report('idle');
        else report(everConnected ? 'reconnecting' : 'connecting');
      },
    },
  });

  const urql = new Client({
    url: options.httpUrl ?? GRAPHQL_PATH,
    // Same-origin cookie auth; never an Authorization header.
    fetchOptions: { credentials: 'same-origin', headers: { accept: 'application/graphql-response+json, application/json' } },
    requestPolicy: 'cache-and-network',
    // Always POST (JSON body): the server refuses queries over GET, and a JSON POST cannot be forged by a
    // cross-site form, which keeps the SameSite=Lax cookie safe.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
            if (!disposed) options.onUnauthenticated?.();
          }
        },
      }),
      cacheExchange,
      // One Idempotency-Key per submit, reused for a double click or a retry of it (docs/api-clients.md).
      idempotencyExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, resyncAwareSink(sink, resync));
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    urql,
    ws,
    dispose: () => {
      disposed = true;
      void ws.dispose();
    },
  };
}
