import { describe, expect, it } from 'vitest';
import { envFile, KEY_NAME_MAX, keyNameError, signingSnippet } from './integrationKeys';

// A stand-in translator that shows the key and its values, so the checks name the message, not its words.
const t = (key: string, values?: object) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('keyNameError', () => {
  it('accepts 1–80 characters after trimming, like the server', () => {
    expect(keyNameError('Shop platform sync', t)).toBeNull();
    expect(keyNameError(`  ${'x'.repeat(KEY_NAME_MAX)}  `, t)).toBeNull();
    expect(keyNameError('é', t)).toBeNull();
  });

  it('refuses an empty or blank name and a long one, saying how long it is', () => {
    expect(keyNameError('', t)).toBe('seller.keys.nameRequired');
    expect(keyNameError('   ', t)).toBe('seller.keys.nameRequired');
    expect(keyNameError('x'.repeat(81), t)).toBe('seller.keys.nameTooLong {"max":80,"length":81}');
  });
});

describe('envFile', () => {
  it('holds the endpoint, the key and the signing secret', () => {
    const text = envFile('mk_1a2b.s3cr3t', 'mks_abc', 'https://matchup.example');
    expect(text).toContain('MATCHUP_ORDERS_URL=https://matchup.example/integrations/orders\n');
    expect(text).toContain('MATCHUP_API_KEY=mk_1a2b.s3cr3t\n');
    expect(text).toContain('MATCHUP_SIGNING_SECRET=mks_abc\n');
  });
});

describe('signingSnippet', () => {
  it('names the endpoint and the three headers in every language', () => {
    for (const language of ['node', 'python', 'curl'] as const) {
      const text = signingSnippet(language, 'https://matchup.example');
      expect(text).toContain('https://matchup.example/integrations/orders');
      for (const header of ['X-Matchup-Key', 'X-Matchup-Timestamp', 'X-Matchup-Signature']) expect(text).toContain(header);
    }
  });

  it('signs "<timestamp>.<raw body>", which reproduces the documented worked example', async () => {
    // docs/integrations-orders.md "Worked example", with Web Crypto (the snippet uses node:crypto's createHmac).
    const secret = 'mks_3f1d2c0b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817065f4e';
    const ts = '1795251600';
    const body = '{"id":"evt-1001","type":"order.paid","occurred_at":"2026-11-21T08:59:30Z","order_id":"576461413038785752"}';
    expect(signingSnippet('node', '')).toContain("createHmac('sha256', process.env.MATCHUP_SIGNING_SECRET)\n  .update(`${ts}.${body}`)");
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${ts}.${body}`)));
    const hex = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(`v1=${hex}`).toBe('v1=00b06a69883678931223e5f0c0940c1eea41d3a91b926bd1894e71365c530dcc');
  });
});
