/** A query's states around a screen's content: error → loading → empty → content, the same way on every screen. */
import type { ReactNode } from 'react';
import { queryFallback, type QueryFallbackOptions, type QueryResultState } from './queryFallback';

export interface QueryBoundaryProps<D> extends QueryResultState<D>, QueryFallbackOptions {
  /** Shown instead of the children when the loaded data has nothing to show (e.g. `rows.length === 0 && <EmptyBlock …/>`). */
  empty?: ReactNode;
  /** The loaded content; a function is called with the data only once there is data. */
  children: ReactNode | ((data: D) => ReactNode);
}

/** Error → loading → empty → content, the same way on every screen (see queryFallback). */
export function QueryBoundary<D>({ data, fetching, error, empty, children, ...options }: QueryBoundaryProps<D>) {
  const fallback = queryFallback({ data, fetching, error }, options);
  if (fallback) return fallback;
  if (empty !== undefined && empty !== null && empty !== false) return empty;
  if (typeof children !== 'function') return children;
  return data === undefined ? null : children(data);
}
