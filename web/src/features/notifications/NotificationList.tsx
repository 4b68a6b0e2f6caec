import { useLocale, useT } from '../../i18n/context';
import { notificationText, useNotificationMessages } from '../../i18n/notificationText';
import { ActionIcon, Box, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { DeferredTooltip } from '../../components/DeferredTooltip';
import type { RecentNotificationsQuery } from '../../generated/graphql';
import { formatDateTime, formatRelative } from '../../lib/format';
import classes from './NotificationList.module.css';

export type NotificationItem = RecentNotificationsQuery['notifications']['edges'][number]['node'];

export function NotificationList({
  items,
  timeZone,
  onMarkRead,
  compact = false,
}: {
  items: NotificationItem[];
  timeZone: string;
  onMarkRead?: (id: string) => void;
  compact?: boolean;
}) {
  const t = useT();
  const { translator } = useLocale();
  const ready = useNotificationMessages();
  return (
    <Box component="ul" className={classes.list} aria-label={t('notifications.title')} aria-busy={!ready || undefined}>
      {ready && items.map((n) => {
        const unread = !n.readAt;
        const { title, body } = notificationText(n, timeZone, translator);
        return (
          <li key={n.id} className={classes.item} data-unread={unread || undefined}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <span className={classes.dot} data-unread={unread || undefined} aria-hidden />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={unread ? 600 : 500} lineClamp={compact ? 1 : undefined}>
                  {unread && <span className={classes.srOnly}>{t('notifications.unreadPrefix')} </span>}
                  {title}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={compact ? 2 : undefined}>
                  {body}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, timeZone)}>
                    {formatRelative(n.createdAt)}
                  </time>
                </Text>
              </Stack>
              {unread && onMarkRead && (
                <DeferredTooltip
                  label={t('notifications.markRead')}
                  trigger={
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('notifications.markOneRead', { title })}
                      onClick={() => onMarkRead(n.id)}
                    >
                      <IconCheck size={16} aria-hidden />
                    </ActionIcon>
                  }
                />
              )}
            </Group>
          </li>
        );
      })}
    </Box>
  );
}

