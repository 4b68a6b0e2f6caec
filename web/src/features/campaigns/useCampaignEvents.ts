/**
 * Live campaign-level changes (edited, a pending change applied, published, unpublished, closed, archived…) for
 * the screens that list campaigns: `onEvent` runs for each change and after every socket reconnect, so the
 * screen refetches what it shows.
 */
import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { CampaignChangedDocument, type CampaignChangedSubscription } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';

export type CampaignChange = CampaignChangedSubscription['campaignChanged'];

export function useCampaignEvents(onEvent: (change: CampaignChange | null) => void, campaignId: string | null = null): void {
  const client = useClient();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });

  useEffect(() => {
    const { unsubscribe } = client.subscription(CampaignChangedDocument, { campaignId }).subscribe((result) => {
      const change = result.data?.campaignChanged;
      if (change) latest.current(change);
    });
    return unsubscribe;
  }, [client, campaignId]);

  useRefetchOnReconnect(() => latest.current(null));
}
