import { IconBuildingBank, IconFileInvoice, IconGift, IconListDetails, IconReceipt, IconSpeakerphone } from '@tabler/icons-react';
import { IconWebhook } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const agencyModule = roleModule({
  role: 'AGENCY',
  basePath: '/agency',
  label: 'Agency',
  color: 'indigo',
  layout: 'desktop',
  home: page(() => import('./AgencyHome'), 'AgencyHome'),
  nav: [
    { to: 'campaigns', label: 'Campaigns', icon: IconSpeakerphone },
    { to: 'lists', label: 'Product lists', icon: IconListDetails },
    { to: 'samples', label: 'Samples', icon: IconGift },
    { to: 'orders', label: 'Orders and earnings', icon: IconReceipt },
    { to: 'bills', label: 'Bills', icon: IconFileInvoice },
    { to: 'payment-account', label: 'Payment account', icon: IconBuildingBank },
    { to: 'webhooks', label: 'Webhooks', icon: IconWebhook },
  ],
  routes: [
    { path: 'campaigns', lazy: page(() => import('./campaigns/CampaignsPage'), 'CampaignsPage') },
    { path: 'campaigns/new', lazy: page(() => import('./campaigns/CampaignCreatePage'), 'CampaignCreatePage') },
    { path: 'campaigns/:campaignId', lazy: page(() => import('./campaigns/CampaignDetailPage'), 'CampaignDetailPage') },
    { path: 'campaigns/:campaignId/edit', lazy: page(() => import('./campaigns/CampaignEditPage'), 'CampaignEditPage') },
    { path: 'lists', lazy: page(() => import('./lists/ProductListsPage'), 'ProductListsPage') },
    { path: 'lists/:listId', lazy: page(() => import('./lists/ProductListPage'), 'ProductListPage') },
    { path: 'lists/:listId/preview', lazy: page(() => import('./lists/SharePreviewPage'), 'SharePreviewPage') },
    { path: 'samples', lazy: page(() => import('./samples/AgencySamplesPage'), 'AgencySamplesPage') },
    { path: 'orders', lazy: page(() => import('./orders/AgencyOrdersPage'), 'AgencyOrdersPage') },
    { path: 'bills', lazy: page(() => import('./finance/AgencyBillsPage'), 'AgencyBillsPage') },
    { path: 'payment-account', lazy: page(() => import('./finance/AgencyPaymentAccountPage'), 'AgencyPaymentAccountPage') },
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
});
