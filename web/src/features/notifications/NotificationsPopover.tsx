/** The bell's popover (Mantine Popover, floating-ui), loaded when the user reaches for the bell. */
import { useT } from '../../i18n/context';
import { Anchor, Button, Divider, Group, Popover, ScrollArea, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RecentNotificationsDocument } from '../../generated/graphql';
import type { DeferredStart } from '../../components/Deferred';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { marketTimeZone } from '../../lib/markets';
import { useViewer } from '../../session/context';
import { useLiveNotifications, useRefetchOnNotification } from './liveContext';
import { NotificationList } from './NotificationList';
import { BellButton } from './NotificationsBell';

export function NotificationsPopover({ allHref, startOpen }: { allHref: string } & DeferredStart) {
  const viewer = useViewer();
  const t = useT();
  const [opened, setOpened] = useState(startOpen);
  const count = viewer.unreadNotificationCount;
  useEffect(() => {
    // Opened by the click that loaded it: clear the toasts out of its way, as a click on the bell does.
    if (opened) notifications.clean();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={360}
      position="bottom-end"
      withArrow
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <BellButton
          count={count}
          opened={opened}
          onClick={() => {
            // The popover lists the same notifications the toasts announce; clear them out of its way.
            if (!opened) notifications.clean();
            setOpened((o) => !o);
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.latest')}>
        {opened && (
          <BellContents
            allHref={allHref}
            timeZone={marketTimeZone(viewer.organisation.market)}
            unread={count}
            onNavigate={() => setOpened(false)}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function BellContents({
  allHref,
  timeZone,
  unread,
  onNavigate,
}: {
  allHref: string;
  timeZone: string;
  unread: number;
  onNavigate: () => void;
}) {
  const { markRead, marking } = useLiveNotifications();
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RecentNotificationsDocument,
    variables: { first: 6 },
    requestPolicy: 'network-only',
  });
  useRefetchOnNotification(() => refetch({ requestPolicy: 'network-only' }));
  const items = data?.notifications.edges.map((e) => e.node) ?? [];

  return (
    <>
      <Group justify="space-between" px="md" py="sm">
        <Text fw={600} size="sm">
          {t('notifications.title')}
        </Text>
        <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={marking} onClick={() => void markRead(null)}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Divider />
      <ScrollArea.Autosize mah={360} px="md">
        <QueryBoundary
          data={data}
          fetching={fetching}
          error={error}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
          loadingLabel={t('notifications.loading')}
          loadingMinHeight={80}
          empty={items.length === 0 && <EmptyBlock title={t('notifications.caughtUp')} icon={<IconBellOff aria-hidden />} />}
        >
          <NotificationList items={items} timeZone={timeZone} compact onMarkRead={(id) => void markRead([id])} />
        </QueryBoundary>
      </ScrollArea.Autosize>
      <Divider />
      <Group justify="center" py="xs">
        <Anchor component={Link} to={allHref} size="sm" onClick={onNavigate}>
          {t('notifications.seeAll')}
        </Anchor>
      </Group>
    </>
  );
}
