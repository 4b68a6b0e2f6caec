import { IconBell, IconLayoutDashboard } from '@tabler/icons-react';
import { NotificationsPage } from '../../features/notifications/NotificationsPage';
import type { RoleModule } from '../types';
import { SellerHome } from './SellerHome';

export const sellerModule: RoleModule = {
  role: 'SELLER',
  basePath: '/seller',
  label: 'Seller',
  color: 'orange',
  layout: 'desktop',
  nav: [
    { to: '', label: 'Home', icon: IconLayoutDashboard },
    { to: 'notifications', label: 'Notifications', icon: IconBell },
  ],
  routes: [
    { index: true, element: <SellerHome /> },
    { path: 'notifications', element: <NotificationsPage /> },
  ],
};
