/** Full notification history with cursor pagination ("Load more") and an unread filter. */
import { useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { Button, Card, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { RecentNotificationsDocument } from '../../generated/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { marketTimeZone } from '../../lib/markets';
import { useViewer } from '../../session/context';
import { useLiveNotifications, useRefetchOnNotification } from './liveContext';
import { NotificationList } from './NotificationList';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const viewer = useViewer();
  const { markRead, marking } = useLiveNotifications();
  const t = useT();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  // One entry per loaded page: the `after` cursor it was requested with.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.pageDescription')}
        actions={
          <Button
            variant="light"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={viewer.unreadNotificationCount === 0}
            loading={marking}
            onClick={() => void markRead(null)}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('notifications.show')}
            value={filter}
            onChange={(v) => {
              setFilter(v as 'all' | 'unread');
              setCursors([null]);
            }}
            data={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread', { count: formatCount(viewer.unreadNotificationCount) }) },
            ]}
            w="fit-content"
          />
          {cursors.map((after, i) => (
            <NotificationsChunk
              key={`${filter}-${after ?? 'first'}`}
              after={after}
              unreadOnly={filter === 'unread'}
              timeZone={marketTimeZone(viewer.organisation.market)}
              isFirst={i === 0}
              isLast={i === cursors.length - 1}
              onLoadMore={(cursor) => setCursors((c) => [...c, cursor])}
            />
          ))}
        </Stack>
      </Card>
    </>
  );
}

function NotificationsChunk({
  after,
  unreadOnly,
  timeZone,
  isFirst,
  isLast,
  onLoadMore,
}: {
  after: string | null;
  unreadOnly: boolean;
  timeZone: string;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const { markRead } = useLiveNotifications();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RecentNotificationsDocument,
    variables: { first: PAGE_SIZE, after, unreadOnly },
  });
  useRefetchOnNotification(() => refetch({ requestPolicy: 'network-only' }));

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('notifications.loading') });
  if (pending) return pending;
  const connection = data?.notifications;
  const items = connection?.edges.map((e) => e.node) ?? [];
  if (isFirst && items.length === 0) {
    return (
      <EmptyBlock
        title={unreadOnly ? t('notifications.noneUnread') : t('notifications.noneYet')}
        description={unreadOnly ? t('notifications.allRead') : t('notifications.appearHere')}
        icon={<IconBellOff aria-hidden />}
      />
    );
  }
  return (
    <>
      <NotificationList items={items} timeZone={timeZone} onMarkRead={(id) => void markRead([id])} />
      {isLast && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <Group justify="center">
          <Button variant="default" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
            {t('notifications.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
