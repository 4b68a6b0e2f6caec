// Runs the graphql-http server audit (GraphQL over HTTP spec) against a live server.
// Usage: node scripts/graphql-http-audit.mjs http://127.0.0.1:8000/graphql
// Prints one JSON line per audit ({id, name, status, reason}); exits 1 when a MUST or SHOULD audit fails.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: graphql-http-audit.mjs <graphql url>');
  process.exit(2);
}

let failed = 0;
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const line = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') line.reason = result.reason;
  console.log(JSON.stringify(line));
  if (result.status !== 'ok' && /^(MUST|SHOULD) /.test(result.name)) failed += 1;
}
process.exit(failed ? 1 : 0);
