import { IconChartBar, IconClipboardList, IconPlugConnected, IconReceipt, IconSpeakerphone, IconTruckDelivery } from '@tabler/icons-react';
import { IconWebhook } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const sellerModule = roleModule({
  role: 'SELLER',
  basePath: '/seller',
  label: 'Seller',
  color: 'orange',
  layout: 'desktop',
  home: page(() => import('./SellerHome'), 'SellerHome'),
  nav: [
    { to: 'marketplace', label: 'Campaign marketplace', icon: IconSpeakerphone },
    { to: 'registrations', label: 'My registrations', icon: IconClipboardList },
    { to: 'samples', label: 'Samples to ship', icon: IconTruckDelivery },
    { to: 'performance', label: 'Performance', icon: IconChartBar },
    { to: 'orders', label: 'Orders', icon: IconReceipt },
    { to: 'integrations', label: 'Integrations', icon: IconPlugConnected },
    { to: 'webhooks', label: 'Webhooks', icon: IconWebhook },
  ],
  routes: [
    { path: 'marketplace', lazy: page(() => import('./marketplace/MarketplacePage'), 'MarketplacePage') },
    { path: 'marketplace/:campaignId', lazy: page(() => import('./marketplace/SellerCampaignPage'), 'SellerCampaignPage') },
    { path: 'marketplace/:campaignId/register', lazy: page(() => import('./marketplace/RegisterProductsPage'), 'RegisterProductsPage') },
    { path: 'registrations', lazy: page(() => import('./registrations/MyRegistrationsPage'), 'MyRegistrationsPage') },
    { path: 'samples', lazy: page(() => import('./samples/SellerSamplesPage'), 'SellerSamplesPage') },
    { path: 'performance', lazy: page(() => import('./performance/SellerPerformancePage'), 'SellerPerformancePage') },
    { path: 'orders', lazy: page(() => import('./orders/SellerOrdersPage'), 'SellerOrdersPage') },
    { path: 'integrations', lazy: page(() => import('./integrations/IntegrationsPage'), 'IntegrationsPage') },
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
});
