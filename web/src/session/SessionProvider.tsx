/**
 * Owns the GraphQL client for the current identity. `resetClient()` throws the client away (socket and
 * cache) and builds a fresh one: called after login and logout, and when the server says the session is
 * gone. Everything under the provider is keyed by the client generation, so no state of the previous
 * identity survives.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGraphqlClient, type ConnectionState, type GraphqlClient } from '../graphql/client';
import { SessionContext, type SessionContextValue } from './context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<ConnectionState>('idle');
  const [reconnects, setReconnects] = useState(0);
  const lastReset = useRef(0);
  const resetRef = useRef<() => void>(() => {});

  const build = useCallback(
    (): GraphqlClient =>
      createGraphqlClient({
        onConnectionState: setConnection,
        onReconnected: () => setReconnects((n) => n + 1),
        onUnauthenticated: () => resetRef.current(),
      }),
    [],
  );

  const [state, setState] = useState(() => ({ client: build(), generation: 0 }));
  const current = useRef(state.client);

  const resetClient = useCallback(() => {
    lastReset.current = Date.now();
    const old = current.current;
    const next = build();
    current.current = next;
    setConnection('idle');
    setState((s) => ({ client: next, generation: s.generation + 1 }));
    old.dispose();
  }, [build]);

  // A protected operation answered UNAUTHENTICATED: the cookie expired or was revoked. Start over as
  // anonymous (the viewer query then returns null and the router sends the user to /login).
  resetRef.current = () => {
    if (Date.now() - lastReset.current > 2_000) resetClient();
  };

  const value = useMemo<SessionContextValue>(
    () => ({ connection, reconnects, generation: state.generation, resetClient }),
    [connection, reconnects, state.generation, resetClient],
  );

  return (
    <SessionContext.Provider value={value}>
      <Provider value={state.client.urql} key={state.generation}>
        {children}
      </Provider>
    </SessionContext.Provider>
  );
}
