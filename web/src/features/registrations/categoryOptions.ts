/** The product category filter's options: the server's category names (categories.ts) as values, shown in the
 * language in use (campaigns.category.*; a module of its own so that only screens with the filter load them). */
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { PRODUCT_CATEGORIES } from './categories';

const KEY: Readonly<Record<string, MessageKey>> = {
  'Beauty & Personal Care': 'campaigns.category.beauty',
  Womenswear: 'campaigns.category.womenswear',
  Menswear: 'campaigns.category.menswear',
  'Fashion Accessories': 'campaigns.category.fashionAccessories',
  Shoes: 'campaigns.category.shoes',
  'Home & Living': 'campaigns.category.homeLiving',
  Kitchenware: 'campaigns.category.kitchenware',
  'Household Appliances': 'campaigns.category.householdAppliances',
  'Phones & Electronics': 'campaigns.category.phonesElectronics',
  'Computers & Office': 'campaigns.category.computersOffice',
  'Food & Beverages': 'campaigns.category.foodBeverages',
  'Sports & Outdoor': 'campaigns.category.sportsOutdoor',
  'Baby & Maternity': 'campaigns.category.babyMaternity',
  "Kids' Fashion": 'campaigns.category.kidsFashion',
  'Toys & Hobbies': 'campaigns.category.toysHobbies',
  Health: 'campaigns.category.health',
  'Pet Supplies': 'campaigns.category.petSupplies',
  'Automotive & Motorcycle': 'campaigns.category.automotive',
  'Books & Stationery': 'campaigns.category.booksStationery',
  'Luggage & Bags': 'campaigns.category.luggageBags',
  Jewellery: 'campaigns.category.jewellery',
  'Tools & Hardware': 'campaigns.category.toolsHardware',
};

/** A category's words; one the app has no message for yet as the server names it. */
export function categoryLabel(t: Translate, category: string): string {
  const key = KEY[category];
  return key ? t(key) : category;
}

export function categoryOptions(t: Translate): { value: string; label: string }[] {
  return PRODUCT_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }));
}
