import { createContext, useContext, useEffect, useRef } from 'react';

export interface LiveNotificationsValue {
  /** Increments on every received notification and after marking read: lists refetch on change. */
  epoch: number;
  markRead: (ids: string[] | null) => Promise<boolean>;
  marking: boolean;
}

export const LiveNotificationsContext = createContext<LiveNotificationsValue>({
  epoch: 0,
  markRead: async () => false,
  marking: false,
});

export function useLiveNotifications(): LiveNotificationsValue {
  return useContext(LiveNotificationsContext);
}

/** Refetches a notification query whenever a live event arrives or something was marked read. */
export function useRefetchOnNotification(refetch: () => void): void {
  const { epoch } = useLiveNotifications();
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    if (epoch > 0) latest.current();
  }, [epoch]);
}
