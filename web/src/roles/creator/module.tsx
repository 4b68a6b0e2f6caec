import { IconBuildingStore, IconDiscount, IconGift, IconHome, IconWallet } from '@tabler/icons-react';
import { page, roleModule } from '../roleModule';

export const creatorModule = roleModule({
  role: 'CREATOR',
  basePath: '/creator',
  label: 'Creator',
  color: 'pink',
  layout: 'mobile',
  homeNav: { label: 'Home', icon: IconHome },
  home: page(() => import('./CreatorHome'), 'CreatorHome'),
  nav: [
    { to: 'offers', label: 'Offers', icon: IconDiscount },
    { to: 'showcase', label: 'Showcase', icon: IconBuildingStore },
    { to: 'samples', label: 'Samples', icon: IconGift },
    { to: 'earnings', label: 'Earnings', icon: IconWallet },
  ],
  routes: [
    { path: 'offers', lazy: page(() => import('./offers/CommissionOffersPage'), 'CommissionOffersPage') },
    { path: 'showcase', lazy: page(() => import('./showcase/ShowcasePage'), 'ShowcasePage') },
    { path: 'samples', lazy: page(() => import('./samples/CreatorSamplesPage'), 'CreatorSamplesPage') },
    { path: 'earnings', lazy: page(() => import('./earnings/CreatorEarningsPage'), 'CreatorEarningsPage') },
    { path: 'earnings/orders', lazy: page(() => import('./earnings/CreatorOrdersPage'), 'CreatorOrdersPage') },
    { path: 'earnings/payouts', lazy: page(() => import('./earnings/CreatorPayoutsPage'), 'CreatorPayoutsPage') },
    // Not in the bottom bar (a tool for integrators, not a daily screen): reached from the user menu's address.
    { path: 'webhooks', lazy: page(() => import('../../features/webhooks/WebhooksPage'), 'WebhooksPage') },
  ],
  // Share links open at the app's root (the URL agencies send), inside the creator's shell.
  rootRoutes: [{ path: '/c/:token', lazy: page(() => import('./offer/SharedOfferPage'), 'SharedOfferPage') }],
});
