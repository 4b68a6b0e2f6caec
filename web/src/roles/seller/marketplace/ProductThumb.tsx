/** A product's small picture (a package icon when it has none). */
import { Avatar } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';

export function ProductThumb({ url }: { url: string | null }) {
  return (
    <Avatar src={url} alt="" radius="sm" size={36} color="orange">
      <IconPackage size={16} aria-hidden />
    </Avatar>
  );
}
