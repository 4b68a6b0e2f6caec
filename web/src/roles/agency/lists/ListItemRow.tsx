/** One product of a list: the seller's total split into the creator's rate and the agency's share (and money per unit), re-price, remove. */
import { ActionIcon, Avatar, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPackage, IconPercentage, IconTrash, IconUsers } from '@tabler/icons-react';
import { splitRate } from './split';
import type { ProductListQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatMoney, formatMoneyOrDash, formatRate } from '../../../lib/format';

export type ListItem = NonNullable<ProductListQuery['productList']>['items']['edges'][number]['node'];

export function ListItemRow({ item, onReprice, onRemove }: { item: ListItem; onReprice: () => void; onRemove: () => void }) {
  const t = useT();
  const title = item.product?.title ?? t('agency.lists.product');
  const total = item.totalRateBps ?? 0;
  const split = splitRate(total, item.creatorRateBps, item.product?.price ?? null);
  const money = split.money;
  const closed = item.registration && item.registration.status !== 'APPROVED';
  return (
    <Table.Tr data-testid="list-item-row">
      <Table.Td miw={200} maw={420}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={item.product?.imageUrl} alt="" radius="sm" size={40} color="indigo">
            <IconPackage size={18} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} lineClamp={2}>
              {title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.product?.shopName} · {t('agency.lists.inStock', { shown: formatCount(item.product?.stock ?? 0) })}
              {closed ? ` · ${t('agency.lists.collaborationClosed')}` : ''}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoneyOrDash(item.product?.price)}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={600}>
          {formatRate(total)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.sellerPays)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={700} c="pink.8" data-testid="item-creator-rate">
          {formatRate(item.creatorRateBps)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.creatorEarns)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={700} c="indigo.8" data-testid="item-agency-rate">
          {formatRate(item.agencyRateBps ?? split.agencyBps)}
        </Text>
        {money && (
          <Text size="xs" c="dimmed">
            {formatMoney(money.agencyEarns)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Tooltip label={t('agency.lists.creatorsHelp')} withArrow>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <IconUsers size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm">{formatCount(item.creatorCount ?? 0)}</Text>
          </Group>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {/* Stacked, so re-price and remove stay on the table's visible part at 1280 px in every language. */}
        <Stack gap={4} align="flex-end">
          <Button size="compact-sm" variant="light" leftSection={<IconPercentage size={14} aria-hidden />} onClick={onReprice} aria-label={t('agency.lists.repriceItem', { title })}>
            {t('agency.lists.reprice')}
          </Button>
          <Tooltip label={t('agency.lists.removeHelp')} withArrow>
            <ActionIcon variant="subtle" color="red" aria-label={t('agency.lists.removeItem', { title })} onClick={onRemove}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
