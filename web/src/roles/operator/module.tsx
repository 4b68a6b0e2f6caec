import { IconCash, IconLayoutDashboard } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { OperatorFinancePage } from './finance/OperatorFinancePage';
import { OperatorHome } from './OperatorHome';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'Operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'Overview', icon: IconLayoutDashboard },
  home: <OperatorHome />,
  nav: [{ to: 'finance', label: 'Finance', icon: IconCash }],
  routes: [{ path: 'finance', element: <OperatorFinancePage /> }],
});
