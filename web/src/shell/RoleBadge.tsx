import { Badge } from '@mantine/core';
import type { Role } from '../generated/graphql';
import { useT } from '../i18n/context';
import { ROLE_MODULES } from '../roles';

export function RoleBadge({ role }: { role: Role }) {
  const t = useT();
  const module = ROLE_MODULES[role];
  return (
    <Badge color={module.color} variant="light" radius="sm" data-testid="role-badge" style={{ flexShrink: 0 }}>
      {t(module.label)}
    </Badge>
  );
}
