import { IconBuildingStore, IconDiscount, IconGift, IconHome, IconScale, IconWallet, IconWebhook } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const creatorModule = roleModule({
  role: 'CREATOR',
  basePath: '/creator',
  label: 'role.creator',
  color: 'pink',
  layout: 'mobile',
  homeNav: { label: 'nav.home', icon: IconHome },
  home: page(() => import('./CreatorHome'), 'CreatorHome'),
  nav: [
    { to: 'offers', label: 'nav.offers', tabLabel: 'nav.tab.offers', icon: IconDiscount },
    { to: 'showcase', label: 'nav.showcase', icon: IconBuildingStore },
    { to: 'samples', label: 'nav.samples', icon: IconGift },
    { to: 'earnings', label: 'nav.earnings', tabLabel: 'nav.tab.earnings', icon: IconWallet },
    { to: 'disputes', label: 'nav.disputes', tabLabel: 'nav.tab.disputes', icon: IconScale },
  ],
  // The bottom bar has no room for a seventh entry, and webhooks are an integrator's tool, not a daily screen:
  // they sit in the account menu (the header's avatar), under Settings.
  accountNav: [{ to: 'webhooks', label: 'nav.webhooks', icon: IconWebhook }],
  routes: [
    { path: 'offers', lazy: page(() => import('./offers/CommissionOffersPage'), 'CommissionOffersPage') },
    { path: 'showcase', lazy: page(() => import('./showcase/ShowcasePage'), 'ShowcasePage') },
    { path: 'samples', lazy: page(() => import('./samples/CreatorSamplesPage'), 'CreatorSamplesPage') },
    { path: 'earnings', lazy: page(() => import('./earnings/CreatorEarningsPage'), 'CreatorEarningsPage') },
    { path: 'earnings/orders', lazy: page(() => import('./earnings/CreatorOrdersPage'), 'CreatorOrdersPage') },
    { path: 'earnings/payouts', lazy: page(() => import('./earnings/CreatorPayoutsPage'), 'CreatorPayoutsPage') },
    { path: 'disputes', lazy: page(() => import('../../features/disputes/DisputesPage'), 'DisputesPage') },
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
  // Share links open at the app's root (the URL agencies send), inside the creator's shell.
  rootRoutes: [{ path: '/c/:token', lazy: page(() => import('./offer/SharedOfferPage'), 'SharedOfferPage') }],
});
