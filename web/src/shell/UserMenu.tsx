import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useLogout } from '../session/useLogout';
import { useViewer } from '../session/context';
import { initials } from '../lib/text';
import classes from './Shell.module.css';

export function UserMenu({ avatarUrl }: { avatarUrl?: string | null }) {
  const viewer = useViewer();
  const { logout, loggingOut } = useLogout();

  return (
    <Menu position="bottom-end" width={240} withArrow shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`Account menu for ${viewer.user.fullName}`}>
          <Avatar src={avatarUrl ?? null} radius="xl" size={32} color="initials" name={viewer.user.fullName}>
            {initials(viewer.user.fullName)}
          </Avatar>
        </UnstyledButton>
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
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()} disabled={loggingOut}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
