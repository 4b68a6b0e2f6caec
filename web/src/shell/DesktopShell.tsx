/** The shell for agency, seller and operator: header, side navigation (a drawer on small screens), main. */
import { Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useResolvedPath, useMatch } from 'react-router';
import { LiveNotificationsProvider } from '../features/notifications/LiveNotifications';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { navHref } from '../roles/nav';
import type { NavItem, RoleModule } from '../roles/types';
import { useViewer } from '../session/context';
import { Brand, SkipLink } from './Brand';
import { ConnectionIndicator } from './ConnectionIndicator';
import { RoleBadge } from './RoleBadge';
import { UserMenu } from './UserMenu';
import { useT } from '../i18n/context';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import classes from './Shell.module.css';

function SideNavLink({ module, item, onNavigate }: { module: RoleModule; item: NavItem; onNavigate: () => void }) {
  const t = useT();
  const href = navHref(module, item);
  const resolved = useResolvedPath(href);
  const active = useMatch({ path: resolved.pathname, end: item.to === '' }) !== null;
  const Icon = item.icon;
  return (
    <NavLink
      component={RouterNavLink}
      to={href}
      end={item.to === ''}
      label={t(item.label)}
      leftSection={<Icon size={18} aria-hidden />}
      active={active}
      onClick={onNavigate}
      variant="light"
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
    />
  );
}

export function DesktopShell({ module }: { module: RoleModule }) {
  const viewer = useViewer();
  const t = useT();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  return (
    <LiveNotificationsProvider>
      <SkipLink />
      <div className={classes.frame}>
        <header className={classes.header}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-controls="main-navigation"
                aria-expanded={navOpened}
              />
              <Brand to={module.basePath} collapseOnPhone />
              <Text c="dimmed" visibleFrom="xs" aria-hidden>
                /
              </Text>
              <Text fw={600} truncate className={classes.orgName} visibleFrom="xs" data-testid="organisation-name">
                {viewer.organisation.name}
              </Text>
              <RoleBadge role={viewer.role} />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <ConnectionIndicator />
              <LanguageSwitcher compact />
              <NotificationsBell allHref={`${module.basePath}/notifications`} />
              <UserMenu module={module} />
            </Group>
          </Group>
        </header>

        <nav className={classes.navbar} data-opened={navOpened || undefined} id="main-navigation" aria-label={t('shell.mainNavigation')}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb="xs" hiddenFrom="xs">
            {viewer.organisation.name}
          </Text>
          {module.nav.map((item) => (
            <SideNavLink key={item.to} module={module} item={item} onNavigate={close} />
          ))}
        </nav>

        <main className={`${classes.frameMain} ${classes.main}`} id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </LiveNotificationsProvider>
  );
}
