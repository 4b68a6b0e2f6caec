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

export type { RoleModule, NavItem } from './types';
