/** The error or loading state of a query before it has data (see QueryBoundary for the whole boundary). */
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorState, LoadingState } from './QueryState';

/** A query's state as urql's useQuery gives it. */
export interface QueryResultState<D> {
  data?: D | undefined;
  fetching: boolean;
  error?: CombinedError | undefined;
}

export interface QueryFallbackOptions {
  onRetry?: () => void;
  /** What is loading, e.g. "Loading your orders…" (default: "Loading…"). */
  loadingLabel?: string;
  loadingMinHeight?: number;
  errorTitle?: string;
}

/**
 * The error or loading state of a query that has no data yet, or null once it has data (or is idle): an error
 * with stale data keeps showing the data, a refetch keeps showing the data.
 */
export function queryFallback<D>({ data, fetching, error }: QueryResultState<D>, options: QueryFallbackOptions = {}): ReactNode {
  if (error && !data) return <ErrorState error={error} onRetry={options.onRetry} title={options.errorTitle} />;
  if (!data && fetching) return <LoadingState label={options.loadingLabel} minHeight={options.loadingMinHeight} />;
  return null;
}

