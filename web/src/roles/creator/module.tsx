import { IconHome } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { CreatorHome } from './CreatorHome';

export const creatorModule = roleModule({
  role: 'CREATOR',
  basePath: '/creator',
  label: 'Creator',
  color: 'pink',
  layout: 'mobile',
  homeNav: { label: 'Home', icon: IconHome },
  home: <CreatorHome />,
});
