/**
 * userErrors of productListItemsSet point into the input: ["input", "set", 2, "creatorRateBps"]. This maps
 * them to the index of the item they name (in `set` or `remove`); the rest are about the whole call.
 */
import type { UserErrorLike } from '../../../lib/userErrors';

export function errorsByItem(errors: ReadonlyArray<UserErrorLike>, list: 'set' | 'remove'): { byIndex: Map<number, string>; other: string[] } {
  const byIndex = new Map<number, string>();
  const other: string[] = [];
  for (const error of errors) {
    const path = typeof error.field === 'string' ? error.field.split('.') : (error.field ?? []);
    const at = path.indexOf(list);
    const index = at >= 0 ? Number.parseInt(String(path[at + 1] ?? ''), 10) : Number.NaN;
    if (Number.isInteger(index)) {
      const previous = byIndex.get(index);
      byIndex.set(index, previous ? `${previous} ${error.message}` : error.message);
    } else {
      other.push(error.message);
    }
  }
  return { byIndex, other };
}
