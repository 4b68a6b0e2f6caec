/**
 * The sample screens' status filter, kept in the URL (`?status=`, repeated; an empty value when none is chosen, so
 * that "none" stays distinct from the screen's default).
 */
import { useSearchParams } from 'react-router';
import type { SampleStatus } from '../../generated/graphql';

export function useSampleStatusParam(allowed: readonly SampleStatus[], fallback: SampleStatus[]) {
  const [params, setParams] = useSearchParams();
  const statuses = params.has('status') ? (params.getAll('status').filter((s) => (allowed as readonly string[]).includes(s)) as SampleStatus[]) : fallback;
  const setStatuses = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete('status');
    if (next.length === 0) p.set('status', '');
    next.forEach((s) => p.append('status', s));
    setParams(p, { replace: true });
  };
  return [statuses, setStatuses] as const;
}
