import { describe, expect, it } from 'vitest';
import { addableItems, planShowcaseAdd } from './offerSelection';

const notice = { currentRateBps: 1250 };
const items = [
  { id: 'i1', inShowcase: false, product: { id: 'p1' }, lowerRateNotice: null },
  { id: 'i2', inShowcase: false, product: { id: 'p2' }, lowerRateNotice: notice },
  { id: 'i3', inShowcase: true, product: { id: 'p3' }, lowerRateNotice: null },
  { id: 'i4', inShowcase: false, product: { id: 'p4' }, lowerRateNotice: notice },
];

describe('planShowcaseAdd', () => {
  it('skips what is already in the showcase through this offer', () => {
    expect(addableItems(items).map((i) => i.id)).toEqual(['i1', 'i2', 'i4']);
  });

  it('sends the chosen items and the explicit choices for products promoted elsewhere', () => {
    expect(planShowcaseAdd(items, new Set(['i1', 'i2', 'i3']), { p2: 'NEW', p4: 'EXISTING' })).toEqual({
      itemIds: ['i1', 'i2'],
      choices: [{ productId: 'p2', keep: 'NEW' }],
      missingChoice: [],
    });
  });

  it('never picks a side for the creator', () => {
    expect(planShowcaseAdd(items, new Set(['i2', 'i4']), { p2: 'EXISTING' })).toEqual({
      itemIds: ['i2', 'i4'],
      choices: [{ productId: 'p2', keep: 'EXISTING' }],
      missingChoice: ['i4'],
    });
  });
});
