import { IconBuildingBank, IconFileInvoice, IconGift, IconListDetails, IconReceipt, IconScale, IconSpeakerphone } from '@tabler/icons-react';
import { IconWebhook } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const agencyModule = roleModule({
  role: 'AGENCY',
  basePath: '/agency',
  label: 'role.agency',
  color: 'indigo',
  layout: 'desktop',
  home: page(() => import('./AgencyHome'), 'AgencyHome'),
  nav: [
    { to: 'campaigns', label: 'nav.campaigns', icon: IconSpeakerphone },
    { to: 'lists', label: 'nav.productLists', icon: IconListDetails },
    { to: 'samples', label: 'nav.samples', icon: IconGift },
    { to: 'orders', label: 'nav.ordersAndEarnings', icon: IconReceipt },
    { to: 'bills', label: 'nav.bills', icon: IconFileInvoice },
    { to: 'payment-account', label: 'nav.paymentAccount', icon: IconBuildingBank },
    { to: 'disputes', label: 'nav.disputes', icon: IconScale },
    { to: 'webhooks', label: 'nav.webhooks', icon: IconWebhook },
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
    { path: 'disputes', lazy: page(() => import('../../features/disputes/DisputesPage'), 'DisputesPage') },
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
});
