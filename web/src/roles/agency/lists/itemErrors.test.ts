import { describe, expect, it } from 'vitest';
import { errorsByItem } from './itemErrors';

describe('errorsByItem', () => {
  it('maps each error to the item it names and keeps the rest', () => {
    const { byIndex, other } = errorsByItem(
      [
        { field: ['input', 'set', '1', 'creatorRateBps'], message: 'The creator rate cannot exceed the total' },
        { field: ['input', 'set', '3', 'registrationId'], message: 'Only approved products can be listed' },
        { field: ['input', 'set'], message: 'A list holds at most 100 products' },
        { field: null, message: 'Something else' },
      ],
      'set',
    );
    expect([...byIndex]).toEqual([
      [1, 'The creator rate cannot exceed the total'],
      [3, 'Only approved products can be listed'],
    ]);
    expect(other).toEqual(['A list holds at most 100 products', 'Something else']);
  });

  it('reads the remove list separately', () => {
    const { byIndex } = errorsByItem([{ field: ['input', 'remove', '0'], message: 'Not in this list' }], 'remove');
    expect(byIndex.get(0)).toBe('Not in this list');
  });
});
