/** The product-list limits of docs/domain.md, shown beside the counts they bound. */
export const LISTS_PER_AGENCY = 1000;
export const PRODUCTS_PER_LIST = 100;
