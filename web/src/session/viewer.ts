import type { Market, OrganisationKind, Role, ViewerQuery } from '../generated/graphql';
import { fromApiLocale, type LocaleCode } from '../i18n/locales';

/**
 * The signed-in viewer as the UI uses it. The API makes policy-gated fields nullable (null = hidden);
 * for one's own identity they are always visible, so this fills safe defaults once, here, instead of in
 * every component.
 */
export interface SessionViewer {
  role: Role;
  /** The language the user chose (null: follow this device and browser). */
  locale: LocaleCode | null;
  user: { id: string | null; email: string; fullName: string };
  organisation: { id: string | null; kind: OrganisationKind | null; name: string; market: Market | null };
  unreadNotificationCount: number;
}

export function toSessionViewer(viewer: ViewerQuery['viewer'] | undefined): SessionViewer | null {
  if (!viewer?.role) return null;
  const email = viewer.user?.email ?? '';
  return {
    role: viewer.role,
    locale: fromApiLocale(viewer.locale),
    user: {
      id: viewer.user?.id ?? null,
      email,
      fullName: viewer.user?.fullName || email,
    },
    organisation: {
      id: viewer.organisation?.id ?? null,
      kind: viewer.organisation?.kind ?? null,
      name: viewer.organisation?.name ?? '',
      market: viewer.organisation?.market ?? null,
    },
    unreadNotificationCount: viewer.unreadNotificationCount ?? 0,
  };
}
