/**
 * Live figures: a counter that goes up when the numbers a screen shows may have changed — a subscription event
 * (throttled to at most one refresh a second) or a socket reconnect (events may have been missed). Components pass
 * it to `useRefetchOn`, which refetches their own query, so each part refetches exactly what it shows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type AnyVariables, type TypedDocumentNode } from 'urql';
import { CampaignNumbersChangedDocument, CommissionChangedDocument, OrderLineChangedDocument } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';
import { throttle } from './throttle';

const REFRESH_MS = 1_000;

export interface LiveRefresh {
  /** Goes up on every (throttled) change. */
  version: number;
  /** When the last live change arrived (ISO), for "updated …" hints. */
  lastEventAt: string | null;
}

/**
 * Subscribes to `document` while mounted; each event bumps the version (throttled) and is passed to `onData` (e.g.
 * to highlight the row that changed); reconnects bump the version too.
 */
export function useLiveRefresh<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  enabled = true,
  onData?: (data: Data) => void,
): LiveRefresh {
  const client = useClient();
  const latestOnData = useRef(onData);
  useEffect(() => {
    latestOnData.current = onData;
  });
  const [state, setState] = useState<LiveRefresh>({ version: 0, lastEventAt: null });
  const key = JSON.stringify(variables);
  const bump = useMemo(
    () => throttle(() => setState((s) => ({ version: s.version + 1, lastEventAt: new Date().toISOString() })), REFRESH_MS),
    [],
  );
  useEffect(() => () => bump.cancel(), [bump]);

  useEffect(() => {
    if (!enabled) return undefined;
    const { unsubscribe } = client.subscription(document, JSON.parse(key) as Variables).subscribe((result) => {
      if (result.data) {
        latestOnData.current?.(result.data);
        bump();
      }
    });
    return unsubscribe;
  }, [client, document, key, enabled, bump]);

  useRefetchOnReconnect(() => setState((s) => ({ ...s, version: s.version + 1 })));
  return state;
}

/** A campaign's figures, live (agency and seller). */
export function useCampaignNumbersLive(campaignId: string | null): LiveRefresh {
  return useLiveRefresh(CampaignNumbersChangedDocument, { campaignId: campaignId ?? '' }, campaignId !== null);
}

/**
 * Order lines and commission, live: commissionChanged for agencies and creators, orderLineChanged for sellers.
 * `onLine` gets the id of each line that changed.
 */
export function useOrderLinesLive(audience: 'payee' | 'seller', onLine?: (lineId: string) => void): LiveRefresh {
  const payee = useLiveRefresh(CommissionChangedDocument, {}, audience === 'payee', (d) => onLine?.(d.commissionChanged.id));
  const seller = useLiveRefresh(OrderLineChangedDocument, {}, audience === 'seller', (d) => onLine?.(d.orderLineChanged.id));
  return audience === 'payee' ? payee : seller;
}

/** Runs `refetch` each time `version` goes up (not on mount: the query's first fetch covers that). */
export function useRefetchOn(version: number, refetch: () => void): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  const seen = useRef(version);
  useEffect(() => {
    if (version !== seen.current) {
      seen.current = version;
      latest.current();
    }
  }, [version]);
}
