/** One registration in the review table: select box, product, price, rates, samples, registered, status, actions. */
import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBookmark, IconBookmarkFilled, IconHistory } from '@tabler/icons-react';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { REJECT_REASON_LABEL } from '../../../features/registrations/rejectReasons';
import { useT } from '../../../i18n/context';
import { formatCount, formatDate, formatRate } from '../../../lib/format';
import { formatTime } from '../../../lib/formatTime';
import { RegistrationPriceRateCells, RegistrationProductCell, type RegistrationRowData } from './RegistrationProductCell';

export interface RegistrationRowProps {
  row: RegistrationRowData;
  timeZone: string;
  /** Just changed (live): the row flashes. */
  flashing: boolean;
  selected: boolean;
  onToggle: () => void;
  onApprove: () => void;
  onReject: () => void;
  onDecide: () => void;
  onBookmark: () => void;
  onHistory: () => void;
}

export function RegistrationRow({ row, timeZone, flashing, selected, onToggle, onApprove, onReject, onDecide, onBookmark, onHistory }: RegistrationRowProps) {
  const t = useT();
  const title = row.product?.title ?? t('campaigns.registrations.thisRegistration');
  return (
    <Table.Tr
      data-testid="registration-row"
      data-status={row.status}
      data-flash={flashing || undefined}
      bg={flashing ? 'var(--mantine-color-yellow-light)' : selected ? 'var(--mantine-color-indigo-light)' : undefined}
      style={{ transition: 'background-color 600ms ease' }}
    >
      <Table.Td>
        <Checkbox
          aria-label={t('campaigns.registrations.select', { title })}
          checked={selected}
          disabled={row.status !== 'PENDING' && row.status !== 'PENDING_CLOSED'}
          onChange={onToggle}
        />
      </Table.Td>
      {/* The product takes the room the other columns leave, so the actions are never clipped at 1280 px and up. */}
      <Table.Td miw={220}>
        <RegistrationProductCell row={row} />
      </Table.Td>
      <RegistrationPriceRateCells row={row}>
        {row.shopAdsRateBps !== null && (
          <Text size="xs" c="dimmed">
            {t('campaigns.registrations.ads', { rate: formatRate(row.shopAdsRateBps) })}
          </Text>
        )}
      </RegistrationPriceRateCells>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {row.sampleQuota !== null ? formatCount(row.sampleQuota) : '—'}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(row.registeredAt, timeZone)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatTime(row.registeredAt, timeZone)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <RegistrationStatusBadge status={row.status} />
          {row.rejectReason && (
            <Text size="xs" c="dimmed">
              {REJECT_REASON_LABEL[row.rejectReason]}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {/* Stacked, so that every action fits at 1280 px without the table scrolling sideways. */}
        <Stack gap={4} align="flex-end">
          {row.status === 'PENDING' && (
            <>
              <Button size="compact-xs" variant="light" onClick={onApprove} aria-label={t('campaigns.registrations.approveOne', { title })}>
                {t('campaigns.registrations.approve')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={onReject} aria-label={t('campaigns.registrations.rejectOne', { title })}>
                {t('campaigns.review.reject')}
              </Button>
            </>
          )}
          {row.status === 'PENDING_CLOSED' && (
            <Button size="compact-xs" variant="light" color="orange" onClick={onDecide} aria-label={t('campaigns.registrations.decideOne', { title })}>
              {t('campaigns.registrations.decide')}
            </Button>
          )}
          <Group gap={4} wrap="nowrap">
            <Tooltip label={row.bookmarked ? t('campaigns.registrations.unbookmark') : t('campaigns.registrations.bookmark')} withArrow>
              <ActionIcon
                variant="subtle"
                color={row.bookmarked ? 'yellow' : 'gray'}
                aria-label={t('campaigns.registrations.bookmarkOne', { title })}
                aria-pressed={row.bookmarked ?? false}
                onClick={onBookmark}
              >
                {row.bookmarked ? <IconBookmarkFilled size={18} aria-hidden /> : <IconBookmark size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('campaigns.registrationHistory.title')} withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={t('campaigns.registrations.historyOf', { title })} onClick={onHistory}>
                <IconHistory size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
