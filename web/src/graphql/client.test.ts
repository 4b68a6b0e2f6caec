import { describe, expect, it } from 'vitest';
import { isFatalCloseCode, retryDelayMs, websocketUrl } from './client';

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
});
