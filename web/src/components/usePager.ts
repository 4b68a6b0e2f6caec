/**
 * Keyset paging for a Relay connection: a stack of `after` cursors (page i starts after cursors[i]).
 * Any change of `resetKey` (filters, search, sort) starts again at the first page.
 */
import { useState } from 'react';

export interface Pager {
  after: string | null;
  pageIndex: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
}

export function usePager(resetKey: string): Pager {
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const pageIndex = cursors.length - 1;
  return {
    after: cursors[pageIndex] ?? null,
    pageIndex,
    next: (endCursor) => {
      if (endCursor) setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    previous: () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : [null] }),
    reset: () => setState({ key: resetKey, cursors: [null] }),
  };
}
