/**
 * Holds the GraphQL client of the current identity outside React, so the client can be swapped from
 * anywhere (login, logout, an UNAUTHENTICATED answer) and React reads it with useSyncExternalStore.
 */
import {
  createGraphqlClient,
  type ConnectionState,
  type GraphqlClient,
  type GraphqlClientOptions,
} from '../graphql/client';

export interface SessionSnapshot {
  client: GraphqlClient;
  /** Increments each time the client is recreated. */
  generation: number;
  connection: ConnectionState;
  /** Increments each time the socket comes back after a drop, or the server says events may have been missed. */
  reconnects: number;
}

export type ClientFactory = (options: GraphqlClientOptions) => GraphqlClient;

/** An UNAUTHENTICATED answer right after a reset belongs to the old identity: ignore it for this long. */
const RESET_GRACE_MS = 2_000;

export class SessionStore {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private lastReset = Number.NEGATIVE_INFINITY;

  private readonly factory: ClientFactory;
  private readonly now: () => number;

  constructor(factory: ClientFactory = createGraphqlClient, now: () => number = Date.now) {
    this.factory = factory;
    this.now = now;
    this.snapshot = { client: this.build(), generation: 0, connection: 'idle', reconnects: 0 };
  }

  private build(): GraphqlClient {
    return this.factory({
      onConnectionState: (connection) => this.update({ connection }),
      onReconnected: () => this.update({ reconnects: this.snapshot.reconnects + 1 }),
      // The server's broker reconnected: the same as our own reconnect, every screen refetches what it shows.
      onResync: () => this.update({ reconnects: this.snapshot.reconnects + 1 }),
      onUnauthenticated: () => {
        if (this.now() - this.lastReset > RESET_GRACE_MS) this.reset();
      },
    });
  }

  private update(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Disposes the client (socket + cache) and starts a fresh one for the new identity. */
  reset = (): void => {
    const old = this.snapshot.client;
    this.lastReset = this.now();
    this.update({ client: this.build(), generation: this.snapshot.generation + 1, connection: 'idle' });
    old.dispose();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;
}
