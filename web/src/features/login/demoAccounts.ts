import type { Role } from '../../generated/graphql';

/** The demo data's sign-ins (server/demo). Shown on /login and used by the browser tests. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; email: string }> = [
  { role: 'AGENCY', email: 'agency@demo.test' },
  { role: 'SELLER', email: 'seller@demo.test' },
  { role: 'CREATOR', email: 'creator@demo.test' },
  { role: 'OPERATOR', email: 'operator@demo.test' },
];
