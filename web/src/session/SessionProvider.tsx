/**
 * Provides the GraphQL client of the current identity. Everything below is keyed by the client
 * generation, so no state (cache, subscriptions, component state) of a previous identity survives a
 * login, logout or session expiry.
 */
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Provider } from 'urql';
import { SessionContext, type SessionContextValue } from './context';
import { SessionStore } from './sessionStore';

export function SessionProvider({ children, store: given }: { children: ReactNode; store?: SessionStore }) {
  const [store] = useState(() => given ?? new SessionStore());
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);

  const value = useMemo<SessionContextValue>(
    () => ({
      connection: snapshot.connection,
      reconnects: snapshot.reconnects,
      generation: snapshot.generation,
      resetClient: store.reset,
    }),
    [snapshot.connection, snapshot.reconnects, snapshot.generation, store],
  );

  return (
    <SessionContext.Provider value={value}>
      <Provider value={snapshot.client.urql} key={snapshot.generation}>
        {children}
      </Provider>
    </SessionContext.Provider>
  );
}
