/** One product of the performance table: product (opens its collaborations for agencies), status, figures. */
import { Anchor, Avatar, Group, Stack, Table, Text } from '@mantine/core';
import { IconBookmarkFilled, IconPackage } from '@tabler/icons-react';
import { useT } from '../../i18n/context';
import { formatCount, formatMoneyOrDash, formatRate } from '../../lib/format';
import { categoryLabel } from '../registrations/categoryOptions';
import { RegistrationStatusBadge } from '../registrations/RegistrationStatusBadge';
import { CountCell, MoneyCell, type ProductPerformanceRow } from './ProductPerformanceCells';

export function ProductPerformanceTableRow({ row, agency, onOpenCollaborations }: { row: ProductPerformanceRow; agency: boolean; onOpenCollaborations: () => void }) {
  const t = useT();
  const product = row.registration.product;
  const title = product?.title ?? t('insight.products.product');
  const n = row.numbers;
  return (
    <Table.Tr data-testid="product-performance-row">
      <Table.Td miw={220} maw={300}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={product?.imageUrl} alt="" radius="sm" size={40} color="indigo">
            <IconPackage size={18} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={4} wrap="nowrap">
              {row.registration.bookmarked && <IconBookmarkFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('insight.products.bookmarked')} />}
              {agency ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  ta="left"
                  lineClamp={2}
                  onClick={onOpenCollaborations}
                  aria-description={t('insight.products.showsCollaborations')}
                >
                  {title}
                </Anchor>
              ) : (
                <Text size="sm" fw={500} lineClamp={2}>
                  {title}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[agency ? row.registration.shop?.name : null, product?.category ? categoryLabel(t, product.category) : null, row.registration.totalRateBps !== null ? t('insight.products.total', { rate: formatRate(row.registration.totalRateBps) }) : null, product?.price ? formatMoneyOrDash(product.price) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <RegistrationStatusBadge status={row.status} />
      </Table.Td>
      <CountCell main={row.creatorsCollaborating} sub={formatCount(row.creatorsWithSales)} />
      <CountCell main={agency ? row.samplesRequested : row.samplesApproved} sub={`${formatCount(row.samplesShipped)} · ${formatCount(row.contentPosted)}`} />
      <CountCell main={n.paidOrders} sub={formatCount(n.actualOrders)} />
      <MoneyCell estimated={n.gmvEstimated} actual={n.gmvActual} />
      <MoneyCell estimated={n.sellerPaidEstimated} actual={n.sellerPaidActual} />
      {agency && <MoneyCell estimated={n.creatorCommissionEstimated} actual={n.creatorCommissionActual} />}
      {agency && <MoneyCell estimated={n.agencyCommissionEstimated} actual={n.agencyCommissionActual} />}
    </Table.Tr>
  );
}
