import { describe, expect, it, vi } from 'vitest';
import { coalesced, isFatalCloseCode, isResyncSignal, resyncAwareSink, retryDelayMs, websocketUrl } from './client';

describe('graphql client helpers', () => {
  it('derives the same-origin websocket URL', () => {
    expect(websocketUrl({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/graphql');
    expect(websocketUrl({ protocol: 'https:', host: 'matchup.example' })).toBe('wss://matchup.example/graphql');
  });

  it('backs off exponentially with jitter, capped at 10 s', () => {
    expect(retryDelayMs(0, () => 0)).toBe(250);
    expect(retryDelayMs(0, () => 1)).toBe(500);
    expect(retryDelayMs(3, () => 1)).toBe(4000);
    expect(retryDelayMs(20, () => 1)).toBe(10_000);
    expect(retryDelayMs(20, () => 0)).toBe(5_000);
  });

  it('knows which socket closes are final', () => {
    for (const code of [1000, 1001, 1006, 1012, 1013, 4499, 4408, undefined]) expect(isFatalCloseCode(code), String(code)).toBe(false);
    for (const code of [1002, 1011, 4400, 4401, 4403, 4406, 4500]) expect(isFatalCloseCode(code), String(code)).toBe(true);
  });

  it('turns the server resync signal into one refetch, and passes everything else on', () => {
    vi.useFakeTimers();
    try {
      const resync = {
        data: null,
        errors: [{ message: 'The live event connection was restored', extensions: { code: 'EVENTS_RESYNC' } }],
      };
      const change = { data: { registrationStatusChanged: { toStatus: 'APPROVED' } } };
      const failure = { data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
      expect(isResyncSignal(resync)).toBe(true);
      expect([change, failure, null, { errors: [] }].map(isResyncSignal)).toEqual([false, false, false, false]);

      const onResync = vi.fn();
      const refetch = coalesced(onResync);
      const sinks = [0, 1, 2].map(() => ({ next: vi.fn(), error: vi.fn(), complete: vi.fn() }));
      const wrapped = sinks.map((sink) => resyncAwareSink(sink, refetch));
      wrapped.forEach((sink) => sink.next(change));
      wrapped.forEach((sink) => sink.next(resync)); // every live subscription carries it
      wrapped[0]!.next(failure);
      for (const sink of sinks) expect(sink.next).toHaveBeenCalledWith(change);
      expect(sinks[0]!.next).toHaveBeenCalledWith(failure);
      expect(sinks.map((s) => s.next.mock.calls.length)).toEqual([2, 1, 1]); // the signal reached no screen
      expect(onResync).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(onResync).toHaveBeenCalledOnce(); // one refetch for the burst
      wrapped[1]!.next(resync); // a later restore refetches again
      vi.advanceTimersByTime(100);
      expect(onResync).toHaveBeenCalledTimes(2);
      wrapped[2]!.complete();
      expect(sinks[2]!.complete).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
