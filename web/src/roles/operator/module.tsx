import { IconCash, IconLayoutDashboard } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'Operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'Overview', icon: IconLayoutDashboard },
  home: page(() => import('./OperatorHome'), 'OperatorHome'),
  nav: [{ to: 'finance', label: 'Finance', icon: IconCash }],
  routes: [{ path: 'finance', lazy: page(() => import('./finance/OperatorFinancePage'), 'OperatorFinancePage') }],
});
