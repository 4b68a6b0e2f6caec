import { IconChartBar, IconClipboardList, IconPlugConnected, IconReceipt, IconScale, IconSpeakerphone, IconTruckDelivery } from '@tabler/icons-react';
import { IconWebhook } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const sellerModule = roleModule({
  role: 'SELLER',
  basePath: '/seller',
  label: 'role.seller',
  color: 'orange',
  layout: 'desktop',
  home: page(() => import('./SellerHome'), 'SellerHome'),
  nav: [
    { to: 'marketplace', label: 'nav.marketplace', icon: IconSpeakerphone },
    { to: 'registrations', label: 'nav.myRegistrations', icon: IconClipboardList },
    { to: 'samples', label: 'nav.samplesToShip', icon: IconTruckDelivery },
    { to: 'performance', label: 'nav.performance', icon: IconChartBar },
    { to: 'orders', label: 'nav.orders', icon: IconReceipt },
    { to: 'integrations', label: 'nav.integrations', icon: IconPlugConnected },
    { to: 'disputes', label: 'nav.disputes', icon: IconScale },
    { to: 'webhooks', label: 'nav.webhooks', icon: IconWebhook },
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
    { path: 'disputes', lazy: page(() => import('../../features/disputes/DisputesPage'), 'DisputesPage') },
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
});
