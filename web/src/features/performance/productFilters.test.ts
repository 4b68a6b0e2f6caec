import { describe, expect, it } from 'vitest';
import { anyProductFilter, ariaSort, buildProductFilter, EMPTY_PRODUCT_FILTERS, sortFieldsFor, toggleSort } from './productFilters';

describe('product performance filters', () => {
  it('sends nothing when nothing is filtered', () => {
    expect(buildProductFilter(EMPTY_PRODUCT_FILTERS, 'agency')).toBeNull();
    expect(anyProductFilter(EMPTY_PRODUCT_FILTERS)).toBe(false);
  });

  it('maps each control onto the API filter', () => {
    expect(
      buildProductFilter({ statuses: ['APPROVED'], category: 'Beauty & Personal Care', content: 'no', bookmarkedOnly: true }, 'agency'),
    ).toEqual({ status: ['APPROVED'], category: 'Beauty & Personal Care', hasContent: false, bookmarked: true });
    expect(buildProductFilter({ ...EMPTY_PRODUCT_FILTERS, content: 'yes' }, 'seller')).toEqual({ hasContent: true });
  });

  it('never sends the agency-only bookmark filter for a seller', () => {
    expect(buildProductFilter({ ...EMPTY_PRODUCT_FILTERS, bookmarkedOnly: true }, 'seller')).toBeNull();
  });
});

describe('product performance sorts', () => {
  it('offers a seller only figures it may see', () => {
    const seller = sortFieldsFor('seller');
    expect(seller).toContain('SELLER_PAID_ESTIMATED');
    expect(seller).not.toContain('AGENCY_COMMISSION_ESTIMATED');
    expect(seller).not.toContain('CREATOR_COMMISSION_ACTUAL');
    expect(seller).not.toContain('SAMPLES_REQUESTED');
    expect(sortFieldsFor('agency')).toContain('AGENCY_COMMISSION_ACTUAL');
  });

  it('sorts a new column highest first and flips the same one', () => {
    const gmv = { field: 'GMV_ESTIMATED', direction: 'DESC' } as const;
    expect(toggleSort(gmv, 'PAID_ORDERS')).toEqual({ field: 'PAID_ORDERS', direction: 'DESC' });
    expect(toggleSort(gmv, 'GMV_ESTIMATED')).toEqual({ field: 'GMV_ESTIMATED', direction: 'ASC' });
    expect(ariaSort(gmv, 'GMV_ESTIMATED')).toBe('descending');
    expect(ariaSort(gmv, 'PAID_ORDERS')).toBe('none');
  });
});
