import type { Icon } from '@tabler/icons-react';
import type { MantineColor } from '@mantine/core';
import type { RouteObject } from 'react-router';
import type { Role } from '../generated/graphql';
import type { MessageKey } from '../i18n/catalogues';

export interface NavItem {
  /** Relative to the role's base path; '' is the role home. */
  to: string;
  /** Message key of the link's text. */
  label: MessageKey;
  /** A shorter text for a phone's bottom tab (about 57 px wide), when the label would not fit there. */
  tabLabel?: MessageKey;
  icon: Icon;
}

/**
 * Everything the app knows about one role: where it lives, how its shell looks, its navigation and its
 * screens. New screens are added to the role's folder and listed here; the router and shells pick them up.
 */
export interface RoleModule {
  role: Role;
  basePath: string;
  /** Message key of the role's name. */
  label: MessageKey;
  color: MantineColor;
  /** 'mobile' = phone-first shell with bottom navigation (creators). */
  layout: 'desktop' | 'mobile';
  nav: NavItem[];
  /** Secondary screens (settings, integrators' tools) in the account menu under "Settings", on every layout. */
  accountNav?: NavItem[];
  routes: RouteObject[];
  /** Screens outside basePath (e.g. the creator's share links at /c/:token), behind the same gate and shell. */
  rootRoutes?: RouteObject[];
}
