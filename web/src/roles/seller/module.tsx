import { roleModule } from '../roleModule';
import { SellerHome } from './SellerHome';

export const sellerModule = roleModule({
  role: 'SELLER',
  basePath: '/seller',
  label: 'Seller',
  color: 'orange',
  layout: 'desktop',
  home: <SellerHome />,
});
