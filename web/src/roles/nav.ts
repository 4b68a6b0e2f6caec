import type { NavItem, RoleModule } from './types';

export function navHref(module: Pick<RoleModule, 'basePath'>, item: Pick<NavItem, 'to'>): string {
  return item.to ? `${module.basePath}/${item.to}` : module.basePath;
}
