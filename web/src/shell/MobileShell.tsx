/**
 * The creator shell: a phone layout (designed for 390×844) with a compact header and bottom navigation.
 * On a desktop the same column is centred, so it stays usable there too.
 */
import { Group } from '@mantine/core';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { LiveNotificationsProvider } from '../features/notifications/LiveNotifications';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import type { RoleModule } from '../roles/types';
import { useViewer } from '../session/context';
import { Brand, SkipLink } from './Brand';
import { ConnectionIndicator } from './ConnectionIndicator';
import { navHref } from '../roles/nav';
import { RoleBadge } from './RoleBadge';
import { UserMenu } from './UserMenu';
import { useT } from '../i18n/context';
import classes from './Shell.module.css';

export function MobileShell({ module }: { module: RoleModule }) {
  const viewer = useViewer();
  const t = useT();
  return (
    <LiveNotificationsProvider>
      <SkipLink />
      <div className={classes.phoneFrame}>
        <header className={classes.header}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" className={classes.mobileColumn}>
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Brand to={module.basePath} />
              <RoleBadge role={viewer.role} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <ConnectionIndicator compact />
              <NotificationsBell allHref={`${module.basePath}/notifications`} />
              <UserMenu module={module} />
            </Group>
          </Group>
        </header>

        <main className={`${classes.frameMain} ${classes.mobileMain}`} id="main-content" tabIndex={-1}>
          <div className={classes.mobileColumn}>
            <Outlet />
          </div>
        </main>

        <nav className={classes.footer} aria-label={t('shell.mainNavigation')}>
          <div className={classes.bottomNav}>
            {/* Notifications are one tap away on the header's bell (with "See all"): the bar keeps room for five. */}
            {module.nav.filter((item) => item.to !== 'notifications').map((item) => {
              const Icon = item.icon;
              return (
                <RouterNavLink key={item.to} to={navHref(module, item)} end={item.to === ''} className={classes.bottomNavLink}>
                  <Icon size={22} aria-hidden />
                  {/* A plain span: takes the tab's 10 px (Text's size="xs" would set 12 px again). */}
                  <span>{t(item.tabLabel ?? item.label)}</span>
                </RouterNavLink>
              );
            })}
          </div>
        </nav>
      </div>
    </LiveNotificationsProvider>
  );
}
