/**
 * Live notifications for the signed-in viewer: one `notificationReceived` subscription per shell. Each
 * event shows a toast, re-reads the viewer (authoritative unread count) and bumps an epoch that the
 * notification lists watch to refetch. A socket reconnect does the same, covering events missed while down.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useSubscription } from 'urql';
import { NotificationReceivedDocument, NotificationsMarkReadDocument } from '../../generated/graphql';
import { useRefetchOnReconnect, useViewerContext } from '../../session/context';

interface LiveNotificationsValue {
  /** Increments on every received notification and after marking read: lists refetch on change. */
  epoch: number;
  markRead: (ids: string[] | null) => Promise<boolean>;
  marking: boolean;
}

const LiveNotificationsContext = createContext<LiveNotificationsValue>({
  epoch: 0,
  markRead: async () => false,
  marking: false,
});

export function useLiveNotifications(): LiveNotificationsValue {
  return useContext(LiveNotificationsContext);
}

export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const { refetchViewer } = useViewerContext();
  const [epoch, setEpoch] = useState(0);
  const [{ data }] = useSubscription({ query: NotificationReceivedDocument });
  const [{ fetching: marking }, markReadMutation] = useMutation(NotificationsMarkReadDocument);

  const refresh = useCallback(() => {
    refetchViewer();
    setEpoch((e) => e + 1);
  }, [refetchViewer]);

  useEffect(() => {
    const received = data?.notificationReceived;
    if (!received) return;
    notifications.show({
      id: `notification-${received.id}`,
      title: received.title,
      message: received.body,
      autoClose: 6_000,
    });
    refresh();
  }, [data, refresh]);

  useRefetchOnReconnect(refresh);

  const markRead = useCallback(
    async (ids: string[] | null) => {
      const result = await markReadMutation({ ids });
      const payload = result.data?.notificationsMarkRead;
      const problem = result.error?.message ?? payload?.userErrors[0]?.message;
      if (problem) {
        notifications.show({ color: 'red', title: 'Could not mark as read', message: problem });
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

/** Refetches a notification query whenever a live event arrives or something was marked read. */
export function useRefetchOnNotification(refetch: () => void): void {
  const { epoch } = useLiveNotifications();
  useEffect(() => {
    if (epoch > 0) refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the epoch triggers a refetch
  }, [epoch]);
}
