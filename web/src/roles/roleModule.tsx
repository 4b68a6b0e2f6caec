import { IconBell, IconLayoutDashboard } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem, RoleModule } from './types';

/** A screen that loads with its route, in its own chunk, so a role's first page carries only its own code. */
export type LazyPage = () => Promise<{ Component: ComponentType }>;

/** `page(() => import('./X'), 'X')`: the route's `lazy`, loading the module's named component. */
export function page<M>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

type RoleModuleSpec = Omit<RoleModule, 'nav' | 'routes'> & {
  home: LazyPage;
  /** The home entry in the navigation (default: "Home" with a dashboard icon). */
  homeNav?: Omit<NavItem, 'to'>;
  /** The role's own screens, listed between Home and Notifications. */
  nav?: NavItem[];
  routes?: RouteObject[];
};

/** Every role has a home and a notifications page; a role module adds its own screens between them. */
export function roleModule({
  home,
  homeNav = { label: 'nav.home', icon: IconLayoutDashboard },
  nav = [],
  routes = [],
  ...rest
}: RoleModuleSpec): RoleModule {
  return {
    ...rest,
    nav: [
      { to: '', ...homeNav },
      ...nav,
      { to: 'notifications', label: 'nav.notifications', icon: IconBell },
    ],
    routes: [
      { index: true, lazy: home },
      ...routes,
      {
        path: 'notifications',
        lazy: page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage'),
      },
    ],
  };
}
