import { IconBuildingBank, IconFileInvoice, IconGift, IconListDetails, IconReceipt, IconSpeakerphone } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { AgencyHome } from './AgencyHome';
import { AgencyBillsPage } from './finance/AgencyBillsPage';
import { AgencyPaymentAccountPage } from './finance/AgencyPaymentAccountPage';
import { AgencyOrdersPage } from './orders/AgencyOrdersPage';
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
    { to: 'orders', label: 'Orders and earnings', icon: IconReceipt },
    { to: 'bills', label: 'Bills', icon: IconFileInvoice },
    { to: 'payment-account', label: 'Payment account', icon: IconBuildingBank },
  ],
  routes: [
    { path: 'campaigns', element: <CampaignsPage /> },
    { path: 'campaigns/new', element: <CampaignCreatePage /> },
    { path: 'campaigns/:campaignId', element: <CampaignDetailPage /> },
    { path: 'campaigns/:campaignId/edit', element: <CampaignEditPage /> },
    { path: 'lists', element: <ProductListsPage /> },
    { path: 'lists/:listId', element: <ProductListPage /> },
    { path: 'samples', element: <AgencySamplesPage /> },
    { path: 'orders', element: <AgencyOrdersPage /> },
    { path: 'bills', element: <AgencyBillsPage /> },
    { path: 'payment-account', element: <AgencyPaymentAccountPage /> },
  ],
});
