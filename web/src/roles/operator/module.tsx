import { IconCash, IconLayoutDashboard, IconScale } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'role.operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'nav.overview', icon: IconLayoutDashboard },
  home: page(() => import('./OperatorHome'), 'OperatorHome'),
  nav: [
    { to: 'finance', label: 'nav.finance', icon: IconCash },
    { to: 'disputes', label: 'nav.disputes', icon: IconScale },
  ],
  routes: [
    { path: 'finance', lazy: page(() => import('./finance/OperatorFinancePage'), 'OperatorFinancePage') },
    { path: 'disputes', lazy: page(() => import('../../features/disputes/DisputesPage'), 'DisputesPage') },
  ],
});
