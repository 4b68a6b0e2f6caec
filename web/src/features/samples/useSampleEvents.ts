/**
 * Live sample request changes for the screens that list them (agency, seller, creator): subscribe for the
 * life of the screen and call `onEvent` for each change and after every socket reconnect, so the screen
 * refetches what it shows and nothing missed while offline stays stale.
 */
import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { SampleStatusChangedDocument, type SampleStatusChangedSubscription } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';

export type SampleChange = SampleStatusChangedSubscription['sampleStatusChanged'];

export function useSampleEvents(onEvent: (change: SampleChange | null) => void): void {
  const client = useClient();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });

  useEffect(() => {
    const { unsubscribe } = client.subscription(SampleStatusChangedDocument, {}).subscribe((result) => {
      const change = result.data?.sampleStatusChanged;
      if (change) latest.current(change);
    });
    return unsubscribe;
  }, [client]);

  useRefetchOnReconnect(() => latest.current(null));
}
