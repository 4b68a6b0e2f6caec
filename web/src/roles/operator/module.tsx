import { IconCash, IconLayoutDashboard, IconScale } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'Operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'Overview', icon: IconLayoutDashboard },
  home: page(() => import('./OperatorHome'), 'OperatorHome'),
  nav: [
    { to: 'finance', label: 'Finance', icon: IconCash },
    { to: 'disputes', label: 'Disputes', icon: IconScale },
  ],
  routes: [
    { path: 'finance', lazy: page(() => import('./finance/OperatorFinancePage'), 'OperatorFinancePage') },
    { path: 'disputes', lazy: page(() => import('../../features/disputes/DisputesPage'), 'DisputesPage') },
  ],
});
