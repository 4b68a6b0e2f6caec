import { describe, expect, it } from 'vitest';
import { toSessionViewer } from './viewer';

describe('toSessionViewer', () => {
  it('is null when anonymous or without a role', () => {
    expect(toSessionViewer(null)).toBeNull();
    expect(toSessionViewer(undefined)).toBeNull();
    expect(
      toSessionViewer({ role: null, locale: null, unreadNotificationCount: 0, user: null, organisation: null }),
    ).toBeNull();
  });

  it('fills hidden fields with safe defaults', () => {
    expect(
      toSessionViewer({
        role: 'SELLER',
        locale: 'TH',
        unreadNotificationCount: null,
        user: { id: 'U1', email: 'seller@demo.test', fullName: null },
        organisation: null,
      }),
    ).toEqual({
      role: 'SELLER',
      locale: 'th',
      user: { id: 'U1', email: 'seller@demo.test', fullName: 'seller@demo.test' },
      organisation: { id: null, kind: null, name: '', market: null },
      unreadNotificationCount: 0,
    });
  });
});
