import { describe, expect, it, vi } from 'vitest';
import type { GraphqlClient, GraphqlClientOptions } from '../graphql/client';
import { SessionStore } from './sessionStore';

function fakeFactory() {
  const made: Array<{ options: GraphqlClientOptions; client: GraphqlClient }> = [];
  const factory = (options: GraphqlClientOptions): GraphqlClient => {
    const client = { urql: {} as GraphqlClient['urql'], ws: {} as GraphqlClient['ws'], dispose: vi.fn() };
    made.push({ options, client });
    return client;
  };
  return { made, factory };
}

describe('SessionStore', () => {
  it('recreates and disposes the client on reset', () => {
    const { made, factory } = fakeFactory();
    const store = new SessionStore(factory);
    const listener = vi.fn();
    store.subscribe(listener);
    const first = store.getSnapshot();
    expect(first.generation).toBe(0);

    store.reset();
    const second = store.getSnapshot();
    expect(second.generation).toBe(1);
    expect(second.client).not.toBe(first.client);
    expect(made[0]!.client.dispose).toHaveBeenCalledOnce();
    expect(made[1]!.client.dispose).not.toHaveBeenCalled();
    expect(listener).toHaveBeenCalled();
  });

  it('tracks connection state and counts reconnects', () => {
    const { made, factory } = fakeFactory();
    const store = new SessionStore(factory);
    made[0]!.options.onConnectionState!('connected');
    expect(store.getSnapshot().connection).toBe('connected');
    made[0]!.options.onReconnected!();
    made[0]!.options.onReconnected!();
    expect(store.getSnapshot().reconnects).toBe(2);
    store.reset();
    expect(store.getSnapshot().connection).toBe('idle');
  });

  it('counts a server resync as a reconnect, so screens refetch', () => {
    const { made, factory } = fakeFactory();
    const store = new SessionStore(factory);
    made[0]!.options.onResync!();
    expect(store.getSnapshot().reconnects).toBe(1);
  });

  it('resets on UNAUTHENTICATED, but not again within the grace period', () => {
    const { made, factory } = fakeFactory();
    let now = 10_000;
    const store = new SessionStore(factory, () => now);
    made[0]!.options.onUnauthenticated!();
    expect(store.getSnapshot().generation).toBe(1);
    now += 500;
    made[1]!.options.onUnauthenticated!();
    expect(store.getSnapshot().generation).toBe(1);
    now += 5_000;
    made[1]!.options.onUnauthenticated!();
    expect(store.getSnapshot().generation).toBe(2);
  });
});
