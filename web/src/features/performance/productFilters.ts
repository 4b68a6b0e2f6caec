/** The product table's filters and sorts, as the API takes them, limited to the figures each role may see. */
import type { MessageKey } from '../../i18n/catalogues';
import type {
  ProductPerformanceFilter,
  ProductPerformanceSortField,
  RegistrationStatus,
  SortDirection,
} from '../../generated/graphql';
import type { Perspective } from './series';

export interface ProductFilterValues {
  statuses: RegistrationStatus[];
  category: string | null;
  /** 'yes': at least one video or LIVE posted; 'no': none; 'any'. */
  content: 'any' | 'yes' | 'no';
  bookmarkedOnly: boolean;
}

export const EMPTY_PRODUCT_FILTERS: ProductFilterValues = { statuses: [], category: null, content: 'any', bookmarkedOnly: false };

/** The statuses worth filtering a performance table by (withdrawn registrations are not in it). */
export const PERFORMANCE_STATUSES: RegistrationStatus[] = ['APPROVED', 'PENDING', 'PENDING_CLOSED', 'CLOSED', 'REJECTED', 'REJECT_FOREVER'];

export function buildProductFilter(values: ProductFilterValues, perspective: Exclude<Perspective, 'creator'>): ProductPerformanceFilter | null {
  const filter: ProductPerformanceFilter = {};
  if (values.statuses.length) filter.status = values.statuses;
  if (values.category) filter.category = values.category;
  if (values.content !== 'any') filter.hasContent = values.content === 'yes';
  if (values.bookmarkedOnly && perspective === 'agency') filter.bookmarked = true;
  return Object.keys(filter).length ? filter : null;
}

export function anyProductFilter(values: ProductFilterValues): boolean {
  return values.statuses.length > 0 || values.category !== null || values.content !== 'any' || values.bookmarkedOnly;
}

/** The sorts the product table offers, in menu order (their words: insight.sort.* at the screen). */
export const SORT_FIELDS: readonly ProductPerformanceSortField[] = [
  'GMV_ESTIMATED',
  'GMV_ACTUAL',
  'PAID_ORDERS',
  'ACTUAL_ORDERS',
  'SELLER_PAID_ESTIMATED',
  'SELLER_PAID_ACTUAL',
  'AGENCY_COMMISSION_ESTIMATED',
  'AGENCY_COMMISSION_ACTUAL',
  'CREATOR_COMMISSION_ESTIMATED',
  'CREATOR_COMMISSION_ACTUAL',
  'CREATORS_COLLABORATING',
  'CREATORS_WITH_SALES',
  'SAMPLES_REQUESTED',
  'SAMPLES_APPROVED',
  'SAMPLES_SHIPPED',
  'CONTENT_POSTED',
  'REGISTERED_AT',
];

/** Only the agency sees the split and sample requests; sorting by them means nothing to a seller. */
const AGENCY_ONLY: ReadonlySet<ProductPerformanceSortField> = new Set([
  'AGENCY_COMMISSION_ESTIMATED',
  'AGENCY_COMMISSION_ACTUAL',
  'CREATOR_COMMISSION_ESTIMATED',
  'CREATOR_COMMISSION_ACTUAL',
  'SAMPLES_REQUESTED',
]);

export function sortFieldsFor(perspective: Exclude<Perspective, 'creator'>): ProductPerformanceSortField[] {
  const all = [...SORT_FIELDS];
  return perspective === 'agency' ? all : all.filter((f) => !AGENCY_ONLY.has(f));
}

/** The table's sort (the API input with both parts set). */
export interface ProductSort {
  field: ProductPerformanceSortField;
  direction: SortDirection;
}

export const DEFAULT_PRODUCT_SORT: ProductSort = { field: 'GMV_ESTIMATED', direction: 'DESC' };

/**
 * Clicking a column header: a new column sorts its figure highest first (dates: newest first); the same column
 * again flips the direction.
 */
export function toggleSort(current: ProductSort, field: ProductPerformanceSortField): ProductSort {
  if (current.field !== field) return { field, direction: 'DESC' };
  return { field, direction: current.direction === 'DESC' ? 'ASC' : 'DESC' };
}

export function ariaSort(current: ProductSort, field: ProductPerformanceSortField): 'ascending' | 'descending' | 'none' {
  if (current.field !== field) return 'none';
  return current.direction === 'ASC' ? 'ascending' : 'descending';
}

/** The sort fields' names (productFilters.ts lists the fields each perspective may sort by). */
export const SORT_KEY: Readonly<Record<ProductPerformanceSortField, MessageKey>> = {
  GMV_ESTIMATED: 'insight.sort.gmvEstimated',
  GMV_ACTUAL: 'insight.sort.gmvActual',
  PAID_ORDERS: 'insight.sort.paidOrders',
  ACTUAL_ORDERS: 'insight.sort.actualOrders',
  SELLER_PAID_ESTIMATED: 'insight.sort.sellerPaidEstimated',
  SELLER_PAID_ACTUAL: 'insight.sort.sellerPaidActual',
  AGENCY_COMMISSION_ESTIMATED: 'insight.sort.agencyEstimated',
  AGENCY_COMMISSION_ACTUAL: 'insight.sort.agencyActual',
  CREATOR_COMMISSION_ESTIMATED: 'insight.sort.creatorEstimated',
  CREATOR_COMMISSION_ACTUAL: 'insight.sort.creatorActual',
  CREATORS_COLLABORATING: 'insight.sort.creators',
  CREATORS_WITH_SALES: 'insight.sort.creatorsWithSales',
  SAMPLES_REQUESTED: 'insight.sort.samplesRequested',
  SAMPLES_APPROVED: 'insight.sort.samplesApproved',
  SAMPLES_SHIPPED: 'insight.sort.samplesShipped',
  CONTENT_POSTED: 'insight.sort.contentPosted',
  REGISTERED_AT: 'insight.sort.registeredAt',
};
