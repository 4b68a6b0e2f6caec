import { roleModule } from '../roleModule';
import { AgencyHome } from './AgencyHome';

export const agencyModule = roleModule({
  role: 'AGENCY',
  basePath: '/agency',
  label: 'Agency',
  color: 'indigo',
  layout: 'desktop',
  home: <AgencyHome />,
});
