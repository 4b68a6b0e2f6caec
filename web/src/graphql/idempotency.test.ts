import { describe, expect, it } from 'vitest';
import { Client, fetchExchange, gql } from 'urql';
import { createSubmitKeys, idempotencyExchange, IDEMPOTENCY_HEADER } from './idempotency';

const CREATE = gql`mutation Create($name: String!) { productListCreate(input: { name: $name }) { userErrors { code } } }`;
const VIEWER = gql`query Viewer { viewer { role } }`;

/** A client over a fake fetch that records each request's Idempotency-Key and answers as told. */
function setup(answer: (n: number) => Response | Error) {
  const sent: (string | null)[] = [];
  let counter = 0;
  const keys = createSubmitKeys(() => `key-${++counter}`);
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Headers(init?.headers).get(IDEMPOTENCY_HEADER));
    const reply = answer(sent.length);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  const client = new Client({
    url: 'http://matchup.test/graphql',
    fetch: fetch as typeof globalThis.fetch,
    fetchOptions: { headers: { accept: 'application/json' } },
    exchanges: [idempotencyExchange(keys), fetchExchange],
  });
  return { client, sent, keys };
}

const ok = () => new Response(JSON.stringify({ data: { productListCreate: { userErrors: [] } } }), { headers: { 'content-type': 'application/json' } });

describe('idempotency keys on mutations', () => {
  it('sends one key for a double click: two identical submits in flight', async () => {
    const { client, sent, keys } = setup(ok);
    await Promise.all([client.mutation(CREATE, { name: 'A' }).toPromise(), client.mutation(CREATE, { name: 'A' }).toPromise()]);
    expect(sent).toEqual(['key-1', 'key-1']);
    expect(keys.pending()).toBe(0);
  });

  it('reuses the key when the same submit is retried after a network failure', async () => {
    const { client, sent } = setup((n) => (n === 1 ? new TypeError('Failed to fetch') : ok()));
    const failed = await client.mutation(CREATE, { name: 'A' }).toPromise();
    expect(failed.error?.networkError).toBeTruthy();
    await client.mutation(CREATE, { name: 'A' }).toPromise();
    expect(sent).toEqual(['key-1', 'key-1']);
  });

  it('starts a new key after a definitive answer, and for other input', async () => {
    const { client, sent } = setup(ok);
    await client.mutation(CREATE, { name: 'A' }).toPromise();
    await client.mutation(CREATE, { name: 'A' }).toPromise();
    await client.mutation(CREATE, { name: 'B' }).toPromise();
    expect(sent).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('keeps the other fetch options and sends no key with queries', async () => {
    const { client, sent } = setup(() => new Response(JSON.stringify({ data: { viewer: null } }), { headers: { 'content-type': 'application/json' } }));
    await client.query(VIEWER, {}).toPromise();
    expect(sent).toEqual([null]);
  });
});
