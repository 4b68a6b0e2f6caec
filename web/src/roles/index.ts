import { matchPath } from 'react-router';
import type { Role } from '../generated/graphql';
import { agencyModule } from './agency/module';
import { creatorModule } from './creator/module';
import { operatorModule } from './operator/module';
import { sellerModule } from './seller/module';
import type { RoleModule } from './types';

export const ROLE_MODULES: Readonly<Record<Role, RoleModule>> = {
  AGENCY: agencyModule,
  SELLER: sellerModule,
  CREATOR: creatorModule,
  OPERATOR: operatorModule,
};

export function roleHome(role: Role): string {
  return ROLE_MODULES[role].basePath;
}

/** Whether `path` is one of the role's screens: under its base path or one of its root routes (/c/:token). */
export function roleOwnsPath(role: Role, path: string): boolean {
  const module = ROLE_MODULES[role];
  const pathname = path.split(/[?#]/)[0] ?? '';
  if (pathname === module.basePath || pathname.startsWith(`${module.basePath}/`)) return true;
  return (module.rootRoutes ?? []).some((route) => route.path !== undefined && matchPath(route.path, pathname) !== null);
}

export type { RoleModule, NavItem } from './types';
