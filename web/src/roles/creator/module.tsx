import { IconBuildingStore, IconDiscount, IconGift, IconHome } from '@tabler/icons-react';
import { roleModule } from '../roleModule';
import { CreatorHome } from './CreatorHome';
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
  ],
  routes: [
    { path: 'offers', element: <CommissionOffersPage /> },
    { path: 'showcase', element: <ShowcasePage /> },
    { path: 'samples', element: <CreatorSamplesPage /> },
  ],
  // Share links open at the app's root (the URL agencies send), inside the creator's shell.
  rootRoutes: [{ path: '/c/:token', element: <SharedOfferPage /> }],
});
