import { Badge, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconStarFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { SellerShopDocument } from '../../generated/graphql';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { formatRating } from '../../lib/format';
import { marketName } from '../../lib/markets';
import { useT } from '../../i18n/context';
import { useRefetchOnReconnect } from '../../session/context';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

export function ShopCard() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerShopDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const shop = data?.viewer?.shop;

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('seller.shop.loading') });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="shop-card-title">
      {pending ? pending : !shop ? (
        <EmptyBlock title={t('seller.shop.none')} description={t('seller.shop.noneBody')} icon={<IconBuildingStore aria-hidden />} />
      ) : (
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconBuildingStore size={28} aria-hidden color="var(--mantine-color-orange-6)" />
            <Title order={2} size="h3" id="shop-card-title" data-testid="shop-name">
              {shop.name ?? t('seller.shop.yourShop')}
            </Title>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Field label={t('seller.shop.code')}>
              <Code fz="sm" data-testid="shop-code">
                {shop.shopCode ?? '—'}
              </Code>
            </Field>
            <Field label={t('seller.shop.market')}>
              <Text size="sm">{marketName(shop.market)}</Text>
            </Field>
            <Field label={t('seller.shop.sellerType')}>
              <Badge variant="light" color={shop.sellerType === 'CROSS_BORDER' ? 'grape' : 'teal'} tt="none">
                {shop.sellerType === 'LOCAL' ? t('seller.shop.local') : shop.sellerType === 'CROSS_BORDER' ? t('seller.shop.crossBorder') : (shop.sellerType ?? '—')}
              </Badge>
            </Field>
            <Field label={t('seller.shop.rating')}>
              {shop.rating === null ? (
                <Text size="sm" c="dimmed">{t('seller.shop.noRating')}</Text>
              ) : (
                <Group gap={4} wrap="nowrap">
                  <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-hidden />
                  <Text size="sm" fw={600}>
                    {formatRating(shop.rating)}
                    <Text span c="dimmed" size="sm" fw={400}> / 5</Text>
                  </Text>
                </Group>
              )}
            </Field>
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
