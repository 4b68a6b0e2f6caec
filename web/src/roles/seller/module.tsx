import { IconChartBar, IconClipboardList, IconPlugConnected, IconReceipt, IconSpeakerphone, IconTruckDelivery } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { IntegrationsPage } from './integrations/IntegrationsPage';
import { MarketplacePage } from './marketplace/MarketplacePage';
import { RegisterProductsPage } from './marketplace/RegisterProductsPage';
import { SellerCampaignPage } from './marketplace/SellerCampaignPage';
import { SellerOrdersPage } from './orders/SellerOrdersPage';
import { SellerPerformancePage } from './performance/SellerPerformancePage';
import { MyRegistrationsPage } from './registrations/MyRegistrationsPage';
import { SellerSamplesPage } from './samples/SellerSamplesPage';
import { SellerHome } from './SellerHome';

export const sellerModule = roleModule({
  role: 'SELLER',
  basePath: '/seller',
  label: 'Seller',
  color: 'orange',
  layout: 'desktop',
  home: <SellerHome />,
  nav: [
    { to: 'marketplace', label: 'Campaign marketplace', icon: IconSpeakerphone },
    { to: 'registrations', label: 'My registrations', icon: IconClipboardList },
    { to: 'samples', label: 'Samples to ship', icon: IconTruckDelivery },
    { to: 'performance', label: 'Performance', icon: IconChartBar },
    { to: 'orders', label: 'Orders', icon: IconReceipt },
    { to: 'integrations', label: 'Integrations', icon: IconPlugConnected },
  ],
  routes: [
    { path: 'marketplace', element: <MarketplacePage /> },
    { path: 'marketplace/:campaignId', element: <SellerCampaignPage /> },
    { path: 'marketplace/:campaignId/register', element: <RegisterProductsPage /> },
    { path: 'registrations', element: <MyRegistrationsPage /> },
    { path: 'samples', element: <SellerSamplesPage /> },
    { path: 'performance', element: <SellerPerformancePage /> },
    { path: 'orders', element: <SellerOrdersPage /> },
    { path: 'integrations', element: <IntegrationsPage /> },
  ],
});
