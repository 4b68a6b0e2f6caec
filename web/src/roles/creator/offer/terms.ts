/** What a creator accepts when adding products from an offer. */
export const OFFER_TERMS: ReadonlyArray<string> = [
  'You earn the commission rate shown on paid orders that come through your showcase, minus returns; it settles after the market’s settlement window.',
  'The agency may lower a rate for products you already promote with 30 days’ notice; increases apply at once.',
  'Disclose the partnership in your content (for example #ad) and promote the products honestly.',
  'Free samples need the agency’s approval and depend on stock; content is due within 14 days of delivery.',
];
