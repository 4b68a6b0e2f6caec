/** Home-page widget: the latest notifications, live. */
import { useT } from '../../i18n/context';
import { Anchor, Card, Group, Title } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RecentNotificationsDocument } from '../../generated/graphql';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { marketTimeZone } from '../../lib/markets';
import { useViewer } from '../../session/context';
import { useLiveNotifications, useRefetchOnNotification } from './liveContext';
import { NotificationList } from './NotificationList';

export function RecentNotificationsCard({ allHref, first = 5 }: { allHref: string; first?: number }) {
  const viewer = useViewer();
  const t = useT();
  const { markRead } = useLiveNotifications();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RecentNotificationsDocument, variables: { first } });
  useRefetchOnNotification(() => refetch({ requestPolicy: 'network-only' }));
  const items = data?.notifications.edges.map((e) => e.node) ?? [];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="recent-notifications-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="recent-notifications-title">
          {t('notifications.recent')}
        </Title>
        <Anchor component={Link} to={allHref} size="sm">
          {t('notifications.viewAll')}
        </Anchor>
      </Group>
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('notifications.loading')}
        empty={
          items.length === 0 && (
            <EmptyBlock
              title={t('notifications.noneYet')}
              description={t('notifications.recentEmpty')}
              icon={<IconBellOff aria-hidden />}
            />
          )
        }
      >
        <NotificationList
          items={items}
          timeZone={marketTimeZone(viewer.organisation.market)}
          onMarkRead={(id) => void markRead([id])}
        />
      </QueryBoundary>
    </Card>
  );
}
