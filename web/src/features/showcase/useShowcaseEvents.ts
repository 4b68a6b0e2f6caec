/**
 * Live showcase changes for the creator's screens (added, replaced, removed, ended, re-priced, content):
 * `onEvent` runs for each change and after every socket reconnect, so the screen refetches what it shows.
 */
import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { ShowcaseChangedDocument, type ShowcaseChangedSubscription } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';

export type ShowcaseChange = ShowcaseChangedSubscription['showcaseChanged'];

export function useShowcaseEvents(onEvent: (change: ShowcaseChange | null) => void): void {
  const client = useClient();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });

  useEffect(() => {
    const { unsubscribe } = client.subscription(ShowcaseChangedDocument, {}).subscribe((result) => {
      const change = result.data?.showcaseChanged;
      if (change) latest.current(change);
    });
    return unsubscribe;
  }, [client]);

  useRefetchOnReconnect(() => latest.current(null));
}
