/** A registration's product in the review table: picture, title, shop (code, rating), category, shop scorecard. */
import { Avatar, Group, Stack, Table, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ScorecardButton } from './ScorecardButton';
import { categoryLabel } from '../../../features/registrations/categoryOptions';
import type { CampaignRegistrationsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatMoneyOrDash, formatRate, formatRating } from '../../../lib/format';

export type RegistrationRowData = CampaignRegistrationsQuery['registrations']['edges'][number]['node'];

export function RegistrationProductCell({ row }: { row: RegistrationRowData }) {
  const t = useT();
  const p = row.product;
  const shop = row.shop;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={p?.imageUrl} alt="" radius="sm" size={40} color="indigo">
        <IconPackage size={18} aria-hidden />
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} lineClamp={2}>
          {p?.title ?? t('campaigns.registrations.productHidden')}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {shop?.name ?? '—'}
          {shop?.shopCode ? ` (${shop.shopCode})` : ''}
          {shop?.rating !== null && shop?.rating !== undefined ? ` · ★ ${formatRating(shop.rating)}` : ''} · {p?.category ? categoryLabel(t, p.category) : ''}
        </Text>
        {shop && <ScorecardButton id={shop.id} name={shop.name ?? shop.shopCode ?? ''} />}
      </Stack>
    </Group>
  );
}

/** A registration's price and total rate cells (`children` go under the rate). */
export function RegistrationPriceRateCells({ row, children }: { row: Pick<RegistrationRowData, 'product' | 'totalRateBps'>; children?: ReactNode }) {
  return (
    <>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoneyOrDash(row.product?.price)}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={600}>
          {row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—'}
        </Text>
        {children}
      </Table.Td>
    </>
  );
}
