/**
 * Live registration status changes for the screens that list registrations: subscribe for the life of the
 * screen (optionally to one campaign), and call `onEvent` for each change and after every socket reconnect,
 * so the screen refetches the page it shows and nothing missed while offline stays stale.
 */
import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { RegistrationStatusChangedDocument, type RegistrationStatusChangedSubscription } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';

export type RegistrationStatusChange = RegistrationStatusChangedSubscription['registrationStatusChanged'];

export function useRegistrationEvents(onEvent: (change: RegistrationStatusChange | null) => void, campaignId: string | null = null): void {
  const client = useClient();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });

  useEffect(() => {
    const { unsubscribe } = client
      .subscription(RegistrationStatusChangedDocument, { campaignId })
      .subscribe((result) => {
        const change = result.data?.registrationStatusChanged;
        if (change) latest.current(change);
      });
    return unsubscribe;
  }, [client, campaignId]);

  useRefetchOnReconnect(() => latest.current(null));
}
