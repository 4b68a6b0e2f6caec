import { IconBell, IconHome } from '@tabler/icons-react';
import { NotificationsPage } from '../../features/notifications/NotificationsPage';
import type { RoleModule } from '../types';
import { CreatorHome } from './CreatorHome';

export const creatorModule: RoleModule = {
  role: 'CREATOR',
  basePath: '/creator',
  label: 'Creator',
  color: 'pink',
  layout: 'mobile',
  nav: [
    { to: '', label: 'Home', icon: IconHome },
    { to: 'notifications', label: 'Notifications', icon: IconBell },
  ],
  routes: [
    { index: true, element: <CreatorHome /> },
    { path: 'notifications', element: <NotificationsPage /> },
  ],
};
