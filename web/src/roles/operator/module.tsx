import { IconLayoutDashboard } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { OperatorHome } from './OperatorHome';

export const operatorModule = roleModule({
  role: 'OPERATOR',
  basePath: '/operator',
  label: 'Operator',
  color: 'dark',
  layout: 'desktop',
  homeNav: { label: 'Overview', icon: IconLayoutDashboard },
  home: <OperatorHome />,
});
