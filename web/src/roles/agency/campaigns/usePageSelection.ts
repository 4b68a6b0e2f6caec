/** Rows selected on the visible page only: a new page, filter or sort (a new `pageKey`) starts with none. */
import { useState } from 'react';

export function usePageSelection(pageKey: string) {
  const [state, setState] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: pageKey, ids: new Set() });
  const selected: ReadonlySet<string> = state.key === pageKey ? state.ids : new Set();
  const setSelected = (ids: ReadonlySet<string>) => setState({ key: pageKey, ids });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return { selected, setSelected, toggle };
}
