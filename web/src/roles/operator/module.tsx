import { IconBell, IconLayoutDashboard } from '@tabler/icons-react';
import { NotificationsPage } from '../../features/notifications/NotificationsPage';
import type { RoleModule } from '../types';
import { OperatorHome } from './OperatorHome';

export const operatorModule: RoleModule = {
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'Operator',
  color: 'dark',
  layout: 'desktop',
  nav: [
    { to: '', label: 'Overview', icon: IconLayoutDashboard },
    { to: 'notifications', label: 'Notifications', icon: IconBell },
  ],
  routes: [
    { index: true, element: <OperatorHome /> },
    { path: 'notifications', element: <NotificationsPage /> },
  ],
};
