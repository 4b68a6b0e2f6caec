/** One sample to ship: product and campaign, the shipping address, status with tracking and history, ship / update. */
import { Avatar, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPackage, IconTruckDelivery } from '@tabler/icons-react';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { nextShipmentStatuses, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useT } from '../../../i18n/context';
import { formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import type { SellerSample } from './ShipmentForm';
import { ShippingAddressCell } from './ShippingAddressCell';

export function SellerSampleRow({ row, flashing, onShip }: { row: SellerSample; flashing: boolean; onShip: () => void }) {
  const t = useT();
  const tz = marketTimeZone(row.campaign?.market);
  const title = row.product?.title ?? t('seller.work.product');
  const canRecord = nextShipmentStatuses(row.status).length > 0;
  return (
    <Table.Tr
      data-testid="seller-sample-row"
      data-status={row.status}
      bg={flashing ? 'var(--mantine-color-yellow-light)' : undefined}
      style={{ transition: 'background-color 600ms ease', verticalAlign: 'top' }}
    >
      <Table.Td maw={340}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={44} color="orange">
            <IconPackage size={18} aria-hidden />
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} lineClamp={2}>
              {title}
            </Text>
            <Text size="xs" c="dimmed">
              {row.campaign?.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('seller.samples.approvedAt', { date: row.reviewedAt ? formatDateTime(row.reviewedAt, tz, { withZone: false }) : '—' })}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <ShippingAddressCell row={row} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <SampleStatusBadge status={row.status} />
          {row.trackingNumber && (
            <Text size="xs" c="dimmed" data-testid="tracking">
              {row.carrier} · <Text span ff="monospace" inherit>{row.trackingNumber}</Text>
            </Text>
          )}
          {row.shipmentStatus && (
            <Text size="xs" c="dimmed">
              {SHIPMENT_STATUS_LABEL[row.shipmentStatus]}
              {row.deliveredAt ? ` ${formatDateTime(row.deliveredAt, tz, { withZone: false })}` : row.shippedAt ? t('seller.samples.shippedAt', { date: formatDateTime(row.shippedAt, tz, { withZone: false }) }) : ''}
            </Text>
          )}
          <HistoryButton title={title} data-testid="sample-history-open" subject="sampleRequest" id={row.id} timeZone={tz} />
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        {canRecord && (
          <Button
            size="compact-sm"
            variant={row.status === 'APPROVED' ? 'filled' : 'light'}
            leftSection={<IconTruckDelivery size={14} aria-hidden />}
            onClick={onShip}
            aria-label={row.status === 'APPROVED' ? t('seller.samples.shipTitle', { title }) : t('seller.samples.updateTitle', { title })}
          >
            {row.status === 'APPROVED' ? t('seller.samples.ship') : t('seller.samples.update')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
