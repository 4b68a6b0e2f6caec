// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { overlay, useAnsweredRows } from './useAnsweredRows';

type Row = { id: string; status: string; title: string };
const fetched: Row[] = [
  { id: 'a', status: 'PENDING', title: 'Serum' },
  { id: 'b', status: 'PENDING', title: 'Toner' },
];

describe('useAnsweredRows', () => {
  it('shows the answer on its own row at once, before any refetch', () => {
    const { result } = renderHook(({ rows }) => useAnsweredRows(rows), { initialProps: { rows: fetched } });
    act(() => result.current[1]([{ id: 'a', status: 'APPROVED' }]));
    expect(result.current[0]).toEqual([
      { id: 'a', status: 'APPROVED', title: 'Serum' },
      { id: 'b', status: 'PENDING', title: 'Toner' },
    ]);
  });

  it('lets the next fetch be the truth again', () => {
    const { result, rerender } = renderHook(({ rows }) => useAnsweredRows(rows), { initialProps: { rows: fetched } });
    act(() => result.current[1]([{ id: 'a', status: 'APPROVED' }]));
    const refetched: Row[] = [{ id: 'a', status: 'PENDING_CLOSED', title: 'Serum' }];
    rerender({ rows: refetched });
    expect(result.current[0]).toEqual(refetched);
  });

  it('returns the rows untouched without answers', () => {
    expect(overlay(fetched, new Map())).toBe(fetched);
  });
});
