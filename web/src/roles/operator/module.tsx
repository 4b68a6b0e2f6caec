import { IconCash, IconLayoutDashboard } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'role.operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'nav.overview', icon: IconLayoutDashboard },
  home: page(() => import('./OperatorHome'), 'OperatorHome'),
  nav: [{ to: 'finance', label: 'nav.finance', icon: IconCash }],
  routes: [{ path: 'finance', lazy: page(() => import('./finance/OperatorFinancePage'), 'OperatorFinancePage') }],
});
