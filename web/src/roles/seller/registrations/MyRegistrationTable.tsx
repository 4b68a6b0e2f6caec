/** The seller's registrations on a wide screen: product, campaign, price, total rate, samples, status, registered. */
import { Avatar, Group, Stack, Table, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { useT } from '../../../i18n/context';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import type { MyRegistrationViewProps } from './MyRegistrationList';
import { RegistrationRowActions } from './RegistrationRowActions';
import { RejectReasonLine } from './RejectReasonLine';

export function MyRegistrationTable({ rows, flashing, actions, busy }: MyRegistrationViewProps & { busy: boolean }) {
  const t = useT();
  return (
    <DataTable
      caption={t('seller.campaign.myRegistrations')}
      minWidth={900}
      pinLastColumn
      verticalSpacing="sm"
      highlightOnHover
      data-testid="my-registration-table"
      aria-busy={busy}
      columns={[
        { label: t('seller.catalogue.colProduct') },
        { label: t('seller.perf.campaign') },
        { label: t('seller.catalogue.colPrice'), align: 'right' },
        { label: t('seller.orders.colTotalRate'), align: 'right' },
        { label: t('seller.regs.colSamples'), align: 'right' },
        { label: t('seller.perf.status') },
        { label: t('seller.regs.colRegistered') },
        { label: t('seller.samples.colActions'), hideLabel: true },
      ]}
    >
      {rows.map((row) => {
        const tz = marketTimeZone(row.campaign?.market ?? null);
        return (
          <Table.Tr
            key={row.id}
            data-testid="my-registration-row"
            data-status={row.status}
            bg={flashing.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined}
            style={{ transition: 'background-color 600ms ease' }}
          >
            <Table.Td miw={170} maw={300}>
              <Group gap="sm" wrap="nowrap">
                <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={36} color="orange">
                  <IconPackage size={16} aria-hidden />
                </Avatar>
                <Text size="sm" fw={500} lineClamp={2}>
                  {row.product?.title}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td maw={240}>
              {row.campaign ? (
                <Text component={Link} to={`../marketplace/${row.campaign.id}`} relative="path" size="sm" c="indigo" lineClamp={2}>
                  {row.campaign.name}
                </Text>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {formatMoneyOrDash(row.product?.price)}
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—'}
              {row.shopAdsRateBps !== null && (
                <Text size="xs" c="dimmed">
                  {t('seller.regs.ads', { rate: formatRate(row.shopAdsRateBps) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(row.sampleQuota ?? 0)}
            </Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <RegistrationStatusBadge status={row.status} />
                <RejectReasonLine row={row} />
              </Stack>
            </Table.Td>
            <Table.Td miw={150}>
              <Text size="sm">
                {formatDateTime(row.registeredAt, tz, { withZone: false })}
              </Text>
              {row.decidedAt && (
                <Text size="xs" c="dimmed">
                  {t('seller.regs.decidedAt', { date: formatDateTime(row.decidedAt, tz, { withZone: false }) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <RegistrationRowActions row={row} actions={actions} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
