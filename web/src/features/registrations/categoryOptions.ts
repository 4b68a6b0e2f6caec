/** Product category names in the language in use: the server's names (categories.ts) are the values, their words
 * are the small `category.*` namespace of their own, so that a screen showing a product's category (the seller's
 * catalogue, its first page) loads those 22 words and not the big `campaigns` namespace. */
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { PRODUCT_CATEGORIES } from './categories';

const KEY: Readonly<Record<string, MessageKey>> = {
  'Beauty & Personal Care': 'category.beauty',
  Womenswear: 'category.womenswear',
  Menswear: 'category.menswear',
  'Fashion Accessories': 'category.fashionAccessories',
  Shoes: 'category.shoes',
  'Home & Living': 'category.homeLiving',
  Kitchenware: 'category.kitchenware',
  'Household Appliances': 'category.householdAppliances',
  'Phones & Electronics': 'category.phonesElectronics',
  'Computers & Office': 'category.computersOffice',
  'Food & Beverages': 'category.foodBeverages',
  'Sports & Outdoor': 'category.sportsOutdoor',
  'Baby & Maternity': 'category.babyMaternity',
  "Kids' Fashion": 'category.kidsFashion',
  'Toys & Hobbies': 'category.toysHobbies',
  Health: 'category.health',
  'Pet Supplies': 'category.petSupplies',
  'Automotive & Motorcycle': 'category.automotive',
  'Books & Stationery': 'category.booksStationery',
  'Luggage & Bags': 'category.luggageBags',
  Jewellery: 'category.jewellery',
  'Tools & Hardware': 'category.toolsHardware',
};

/** A category's words; one the app has no message for yet as the server names it. */
export function categoryLabel(t: Translate, category: string): string {
  const key = KEY[category];
  return key ? t(key) : category;
}

export function categoryOptions(t: Translate): { value: string; label: string }[] {
  return PRODUCT_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }));
}
