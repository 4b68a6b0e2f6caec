import { useState } from 'react';
import { Menu, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { DeferredStart } from '../components/Deferred';
import { useLogout } from '../session/useLogout';
import { useViewer } from '../session/context';
import { UserButton } from './UserMenu';
import { useT } from '../i18n/context';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';

export function UserMenuDropdown({ avatarUrl, startOpen }: { avatarUrl?: string | null } & DeferredStart) {
  const viewer = useViewer();
  const t = useT();
  const { logout, loggingOut } = useLogout();
  const [defaultOpened] = useState(startOpen);

  // No focus placeholder inside role=menu (a presentational, focusable div: axe aria-required-children).
  return (
    <Menu position="bottom-end" width={240} withArrow shadow="md" defaultOpened={defaultOpened} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UserButton avatarUrl={avatarUrl} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {viewer.user.fullName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {viewer.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {/* On a phone the header has no room for it: the language is chosen here (desktop has both). */}
        <Menu.Label>
          <LanguageSwitcher />
        </Menu.Label>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()} disabled={loggingOut}>
          {t('shell.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
