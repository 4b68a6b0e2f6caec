/**
 * Live notifications for the signed-in viewer: one `notificationReceived` subscription per shell. Each
 * event shows a toast, re-reads the viewer (authoritative unread count) and bumps an epoch that the
 * notification lists watch to refetch. A socket reconnect does the same, covering events missed while down.
 */
import { loadNotificationMessages, notificationText } from '../../i18n/notificationText';
import { translate } from '../../i18n/runtime';
import { marketTimeZone } from '../../lib/markets';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useClient, useMutation } from 'urql';
import { NotificationReceivedDocument, NotificationsMarkReadDocument } from '../../generated/graphql';
import { useRefetchOnReconnect, useViewerContext } from '../../session/context';
import { LiveNotificationsContext } from './liveContext';

export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { refetchViewer, viewer } = useViewerContext();
  const timeZone = marketTimeZone(viewer?.organisation.market);
  const [epoch, setEpoch] = useState(0);
  const [{ fetching: marking }, markReadMutation] = useMutation(NotificationsMarkReadDocument);

  const refresh = useCallback(() => {
    refetchViewer();
    setEpoch((e) => e + 1);
  }, [refetchViewer]);
  const refreshRef = useRef(refresh);
  const timeZoneRef = useRef(timeZone);
  useEffect(() => {
    refreshRef.current = refresh;
    timeZoneRef.current = timeZone;
  });

  // The subscription is an external system: subscribe for the life of the shell and this client.
  useEffect(() => {
    const { unsubscribe } = client.subscription(NotificationReceivedDocument, {}).subscribe((result) => {
      const received = result.data?.notificationReceived;
      if (!received) return;
      // The toast is written in the reader's language once the notifications' messages are loaded.
      void loadNotificationMessages().then(() => {
        const { title, body } = notificationText(received, timeZoneRef.current);
        notifications.show({ id: `notification-${received.id}`, title, message: body, autoClose: 6_000 });
      });
      refreshRef.current();
    });
    return unsubscribe;
  }, [client]);

  useRefetchOnReconnect(refresh);

  const markRead = useCallback(
    async (ids: string[] | null) => {
      const result = await markReadMutation({ ids });
      const payload = result.data?.notificationsMarkRead;
      const problem = result.error?.message ?? payload?.userErrors[0]?.message;
      if (problem) {
        notifications.show({ color: 'red', title: translate('shell.markReadFailed'), message: problem });
        return false;
      }
      refresh();
      return true;
    },
    [markReadMutation, refresh],
  );

  const value = useMemo(() => ({ epoch, markRead, marking }), [epoch, markRead, marking]);
  return <LiveNotificationsContext.Provider value={value}>{children}</LiveNotificationsContext.Provider>;
}
