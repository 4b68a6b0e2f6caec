/** A drawer at the right whose header names what it shows (a small upper-case kicker) and the row it is about. */
import { Drawer, Stack, Text, type DrawerProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function SideDrawer({
  opened,
  onClose,
  kicker,
  title,
  closeLabel,
  size = 'md',
  children,
}: {
  opened: boolean;
  onClose: () => void;
  kicker: string;
  title: string;
  closeLabel: string;
  size?: DrawerProps['size'];
  children: ReactNode;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={size}
      title={
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {kicker}
          </Text>
          <Text fw={600} lineClamp={2}>
            {title}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': closeLabel }}
    >
      {children}
    </Drawer>
  );
}
