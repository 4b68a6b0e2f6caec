/**
 * Rows that show a mutation's answer at once: the changed fields the server answered with are laid over the fetched
 * rows until the next fetch of the page arrives (the refetch, or a live event's), which is then the truth again.
 */
import { useCallback, useState } from 'react';

export type Answer<R extends { id: string }> = Partial<R> & { id: string };

export function overlay<R extends { id: string }>(rows: readonly R[], answers: ReadonlyMap<string, Answer<R>>): R[] {
  if (answers.size === 0) return rows as R[];
  return rows.map((row) => {
    const answer = answers.get(row.id);
    return answer ? { ...row, ...answer } : row;
  });
}

export function useAnsweredRows<R extends { id: string }>(rows: readonly R[]): [R[], (answers: Answer<R>[]) => void] {
  const [state, setState] = useState<{ base: readonly R[]; answers: ReadonlyMap<string, Answer<R>> }>({ base: rows, answers: new Map() });
  // A new fetch replaces what the answers stood in for.
  const answers = state.base === rows ? state.answers : new Map<string, Answer<R>>();
  const apply = useCallback(
    (more: Answer<R>[]) =>
      setState((s) => {
        const next = new Map(s.base === rows ? s.answers : []);
        for (const a of more) next.set(a.id, { ...next.get(a.id), ...a });
        return { base: rows, answers: next };
      }),
    [rows],
  );
  return [overlay(rows, answers), apply];
}
