import { IconBell, IconLayoutDashboard } from '@tabler/icons-react';
import { NotificationsPage } from '../../features/notifications/NotificationsPage';
import type { RoleModule } from '../types';
import { AgencyHome } from './AgencyHome';

export const agencyModule: RoleModule = {
  role: 'AGENCY',
  basePath: '/agency',
  label: 'Agency',
  color: 'indigo',
  layout: 'desktop',
  nav: [
    { to: '', label: 'Home', icon: IconLayoutDashboard },
    { to: 'notifications', label: 'Notifications', icon: IconBell },
  ],
  routes: [
    { index: true, element: <AgencyHome /> },
    { path: 'notifications', element: <NotificationsPage /> },
  ],
};
