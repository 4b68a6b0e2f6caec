import { IconBuildingStore, IconDiscount, IconGift, IconHome, IconWallet } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { CreatorHome } from './CreatorHome';
import { CreatorEarningsPage } from './earnings/CreatorEarningsPage';
import { CreatorOrdersPage } from './earnings/CreatorOrdersPage';
import { CreatorPayoutsPage } from './earnings/CreatorPayoutsPage';
import { SharedOfferPage } from './offer/SharedOfferPage';
import { CommissionOffersPage } from './offers/CommissionOffersPage';
import { CreatorSamplesPage } from './samples/CreatorSamplesPage';
import { ShowcasePage } from './showcase/ShowcasePage';

export const creatorModule = roleModule({
  role: 'CREATOR',
  basePath: '/creator',
  label: 'Creator',
  color: 'pink',
  layout: 'mobile',
  homeNav: { label: 'Home', icon: IconHome },
  home: <CreatorHome />,
  nav: [
    { to: 'offers', label: 'Offers', icon: IconDiscount },
    { to: 'showcase', label: 'Showcase', icon: IconBuildingStore },
    { to: 'samples', label: 'Samples', icon: IconGift },
    { to: 'earnings', label: 'Earnings', icon: IconWallet },
  ],
  routes: [
    { path: 'offers', element: <CommissionOffersPage /> },
    { path: 'showcase', element: <ShowcasePage /> },
    { path: 'samples', element: <CreatorSamplesPage /> },
    { path: 'earnings', element: <CreatorEarningsPage /> },
    { path: 'earnings/orders', element: <CreatorOrdersPage /> },
    { path: 'earnings/payouts', element: <CreatorPayoutsPage /> },
  ],
  // Share links open at the app's root (the URL agencies send), inside the creator's shell.
  rootRoutes: [{ path: '/c/:token', element: <SharedOfferPage /> }],
});
