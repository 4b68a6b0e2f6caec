/** Header bell: unread count (live) and a popover with the latest notifications, loaded on first use. */
import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { deferred } from '../../components/Deferred';
import { useViewer } from '../../session/context';
import { useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';


/** The bell with its unread count: the popover's target once loaded, and the placeholder until then. */
export function BellButton({
  count,
  opened,
  ref,
  onClick,
  ...props
}: { count: number; opened: boolean; onClick?: () => void } & Omit<ComponentProps<'div'>, 'color' | 'onClick'>) {
  const t = useT();
  // The popover target hands its ARIA attributes (aria-controls, aria-haspopup…) to this component: they belong on
  // the button, not on the indicator's plain div (axe: aria-allowed-attr).
  // Its id too: the popover is labelled by its target, which must be the named button, not the badge with it.
  const onButton = (k: string) => k.startsWith('aria-') || k === 'id';
  const aria = Object.fromEntries(Object.entries(props).filter(([k]) => onButton(k)));
  const rest = Object.fromEntries(Object.entries(props).filter(([k]) => !onButton(k)));
  return (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      offset={6}
      color="red"
      disabled={count === 0}
      data-testid="unread-count"
      data-count={count}
      ref={ref}
      {...rest}
    >
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        {...aria}
        aria-label={count === 0 ? t('shell.notificationsNoneUnread') : t('shell.notificationsUnread', { count: formatCount(count) })}
        aria-haspopup="dialog"
        aria-expanded={opened}
        onClick={onClick}
      >
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}

const DeferredBell = deferred<{ allHref: string }>(
  () => import('./NotificationsPopover').then((m) => m.NotificationsPopover),
  'click',
);

export function NotificationsBell({ allHref }: { allHref: string }) {
  const viewer = useViewer();
  return (
    <DeferredBell allHref={allHref} trigger={<BellButton count={viewer.unreadNotificationCount} opened={false} />} />
  );
}
