/** A product's picture, title and shop, for the creator's phone cards. */
import { Avatar, Group, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useT } from '../../i18n/context';
import { categoryLabel } from '../../features/registrations/categoryOptions';

export interface ProductHeaderProduct {
  title: string;
  imageUrl?: string | null;
  shopName?: string | null;
  category?: string | null;
}

export function ProductHeader({ product, size = 64 }: { product: ProductHeaderProduct | null; size?: number }) {
  const t = useT();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
      <Avatar src={product?.imageUrl} alt="" radius="md" size={size} color="pink">
        <IconPackage size={size / 2.5} aria-hidden />
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {product?.title ?? t('offers.product.notAvailable')}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[product?.shopName, product?.category ? categoryLabel(t, product.category) : null].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}
