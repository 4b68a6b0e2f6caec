import { createContext, useContext, useEffect, useRef } from 'react';
import type { ConnectionState } from '../graphql/client';
import type { SessionViewer } from './viewer';

export interface SessionContextValue {
  /** State of the live-updates socket. */
  connection: ConnectionState;
  /** Increments each time the socket comes back after a drop. */
  reconnects: number;
  /** Increments each time the client is recreated (login, logout, session expiry). */
  generation: number;
  /** Dispose the client (socket + cache) and start a new one for the new identity. */
  resetClient: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** Runs `refetch` whenever the live socket reconnects: events missed while it was down are re-read. */
export function useRefetchOnReconnect(refetch: () => void): void {
  const { reconnects } = useSession();
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    if (reconnects > 0) latest.current();
  }, [reconnects]);
}

export type Viewer = SessionViewer;

export interface ViewerContextValue {
  viewer: Viewer | null;
  /** Re-reads the viewer from the server (unread count, organisation name). */
  refetchViewer: () => void;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

export function useViewerContext(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewerContext must be used inside <ViewerRoot>');
  return value;
}

/** The signed-in viewer; only for components under a role route (the gate guarantees it is set). */
export function useViewer(): Viewer {
  const { viewer } = useViewerContext();
  if (!viewer) throw new Error('useViewer used outside a signed-in route');
  return viewer;
}
