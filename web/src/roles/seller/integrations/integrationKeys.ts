/** Integration keys on the seller's Integrations page: name rules (as the server checks them) and what the page shows. */
import type { Translate } from '../../../i18n/context';

/** The server's limit (server/services/integration_keys.py NAME_MAX). */
export const KEY_NAME_MAX = 80;

/** The endpoint's reference, served by the API server (docs/integrations-orders.md). */
export const DOCS_HREF = '/integrations/orders.md';

/** The message the name field shows, or null when the server will accept the name. */
export function keyNameError(name: string, t: Translate): string | null {
  const trimmed = name.trim();
  if (!trimmed) return t('seller.keys.nameRequired');
  if (trimmed.length > KEY_NAME_MAX) return t('seller.keys.nameTooLong', { max: KEY_NAME_MAX, length: trimmed.length });
  return null;
}

/** A .env file with the two secrets, for the download button of the "shown once" dialog. */
export function envFile(apiKey: string, signingSecret: string, origin: string): string {
  return [
    '# Matchup order ingestion (docs: ' + origin + DOCS_HREF + ')',
    `MATCHUP_ORDERS_URL=${origin}/integrations/orders`,
    `MATCHUP_API_KEY=${apiKey}`,
    `MATCHUP_SIGNING_SECRET=${signingSecret}`,
    '',
  ].join('\n');
}

export type SnippetLanguage = 'node' | 'python' | 'curl';

export const SNIPPET_LABEL: Record<SnippetLanguage, string> = { node: 'Node.js', python: 'Python', curl: 'curl' };

/** How to sign one request, per docs/integrations-orders.md: v1=hex(HMAC-SHA256(signing secret, "<ts>.<raw body>")). */
export function signingSnippet(language: SnippetLanguage, origin: string): string {
  const url = `${origin}/integrations/orders`;
  switch (language) {
    case 'node':
      return [
        "import { createHmac } from 'node:crypto';",
        '',
        'const body = JSON.stringify(event); // send exactly these bytes',
        'const ts = String(Math.floor(Date.now() / 1000));',
        "const signature = 'v1=' + createHmac('sha256', process.env.MATCHUP_SIGNING_SECRET)",
        '  .update(`${ts}.${body}`)',
        "  .digest('hex');",
        '',
        `await fetch('${url}', {`,
        "  method: 'POST',",
        '  body,',
        '  headers: {',
        "    'Content-Type': 'application/json',",
        "    'X-Matchup-Key': process.env.MATCHUP_API_KEY,",
        "    'X-Matchup-Timestamp': ts,",
        "    'X-Matchup-Signature': signature,",
        '  },',
        '});',
      ].join('\n');
    case 'python':
      return [
        'import hashlib, hmac, json, os, time, urllib.request',
        '',
        'body = json.dumps(event).encode()  # send exactly these bytes',
        'ts = str(int(time.time()))',
        'secret = os.environ["MATCHUP_SIGNING_SECRET"].encode()',
        'signature = "v1=" + hmac.new(secret, ts.encode() + b"." + body, hashlib.sha256).hexdigest()',
        '',
        `request = urllib.request.Request("${url}", data=body, method="POST", headers={`,
        '    "Content-Type": "application/json",',
        '    "X-Matchup-Key": os.environ["MATCHUP_API_KEY"],',
        '    "X-Matchup-Timestamp": ts,',
        '    "X-Matchup-Signature": signature,',
        '})',
        'urllib.request.urlopen(request)',
      ].join('\n');
    case 'curl':
      return [
        'ts=$(date +%s)',
        'body=\'{"id":"evt-1","type":"order.paid","occurred_at":"2026-11-21T08:59:30Z","order_id":"576461413038785752"}\'',
        'sig=$(printf \'%s.%s\' "$ts" "$body" | openssl dgst -sha256 -hmac "$MATCHUP_SIGNING_SECRET" | sed \'s/.*= //\')',
        `curl -sS ${url} -H 'Content-Type: application/json' \\`,
        '  -H "X-Matchup-Key: $MATCHUP_API_KEY" -H "X-Matchup-Timestamp: $ts" \\',
        '  -H "X-Matchup-Signature: v1=$sig" --data-binary "$body"',
      ].join('\n');
  }
}
