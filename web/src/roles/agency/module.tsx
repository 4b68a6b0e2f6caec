import { IconGift, IconListDetails, IconSpeakerphone } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { AgencyHome } from './AgencyHome';
import { CampaignCreatePage } from './campaigns/CampaignCreatePage';
import { CampaignDetailPage } from './campaigns/CampaignDetailPage';
import { CampaignEditPage } from './campaigns/CampaignEditPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { ProductListPage } from './lists/ProductListPage';
import { ProductListsPage } from './lists/ProductListsPage';
import { AgencySamplesPage } from './samples/AgencySamplesPage';

export const agencyModule = roleModule({
  role: 'AGENCY',
  basePath: '/agency',
  label: 'Agency',
  color: 'indigo',
  layout: 'desktop',
  home: <AgencyHome />,
  nav: [
    { to: 'campaigns', label: 'Campaigns', icon: IconSpeakerphone },
    { to: 'lists', label: 'Product lists', icon: IconListDetails },
    { to: 'samples', label: 'Samples', icon: IconGift },
  ],
  routes: [
    { path: 'campaigns', element: <CampaignsPage /> },
    { path: 'campaigns/new', element: <CampaignCreatePage /> },
    { path: 'campaigns/:campaignId', element: <CampaignDetailPage /> },
    { path: 'campaigns/:campaignId/edit', element: <CampaignEditPage /> },
    { path: 'lists', element: <ProductListsPage /> },
    { path: 'lists/:listId', element: <ProductListPage /> },
    { path: 'samples', element: <AgencySamplesPage /> },
  ],
});
