import { IconBell, IconLayoutDashboard } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import type { NavItem, RoleModule } from './types';

type RoleModuleSpec = Omit<RoleModule, 'nav' | 'routes'> & {
  home: ReactElement;
  /** The home entry in the navigation (default: "Home" with a dashboard icon). */
  homeNav?: Omit<NavItem, 'to'>;
  /** The role's own screens, listed between Home and Notifications. */
  nav?: NavItem[];
  routes?: RouteObject[];
};

/** Every role has a home and a notifications page; a role module adds its own screens between them. */
export function roleModule({
  home,
  homeNav = { label: 'Home', icon: IconLayoutDashboard },
  nav = [],
  routes = [],
  ...rest
}: RoleModuleSpec): RoleModule {
  return {
    ...rest,
    nav: [
      { to: '', ...homeNav },
      ...nav,
      { to: 'notifications', label: 'Notifications', icon: IconBell },
    ],
    routes: [{ index: true, element: home }, ...routes, { path: 'notifications', element: <NotificationsPage /> }],
  };
}
