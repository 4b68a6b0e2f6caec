/** One campaign in the agency's list: name and market, status (and a pending edit), period, commission, counts. */
import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MarketBadge } from '../../../components/MarketBadge';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { formatPeriodDates } from '../../../features/campaigns/period';
import type { AgencyCampaignsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatDate, formatDateTime, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { CampaignRowActions } from './CampaignRowActions';

export type AgencyCampaignRow = AgencyCampaignsQuery['campaigns']['edges'][number]['node'];

export function CampaignTableRow({ campaign: c, onChanged }: { campaign: AgencyCampaignRow; onChanged: () => void }) {
  const t = useT();
  const tz = marketTimeZone(c.market);
  const counts = c.registrationCounts;
  return (
    <Table.Tr data-testid="campaign-row">
      <Table.Td>
        <Stack gap={4}>
          <Anchor component={Link} to={c.id} fw={600} size="sm">
            {c.name}
          </Anchor>
          <Group gap={6}>
            <MarketBadge market={c.market} />
            {c.archivedAt && (
              <Badge variant="light" color="gray" radius="sm" tt="none">
                {t('campaigns.list.archived')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td miw={150}>
        {/* Badges wrap rather than truncate when the column is narrow (a Group would cap
            each child at its share of the row; the cell keeps room for the widest badge). */}
        <Group gap={6} wrap="wrap" preventGrowOverflow={false}>
          <CampaignStatusBadge status={c.status} />
          {c.pendingChange && (
            <Tooltip label={t('campaigns.list.editAppliesAt', { time: formatDateTime(c.pendingChange.appliesAt, tz) })} withArrow>
              <Badge variant="light" color="orange" radius="sm" tt="none" leftSection={<IconClockHour4 size={12} aria-hidden />}>
                {t('campaigns.list.changePending')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatPeriodDates(c.campaignStart, c.campaignEnd, tz)}
        </Text>
        <Text size="xs" c="dimmed">
          {c.status === 'CLOSED'
            ? t('campaigns.list.registrationClosed')
            : c.registrationOpen
              ? t('campaigns.list.registrationOpenUntil', { time: formatDateTime(c.registrationEnd, tz, { withZone: false }) })
              : c.status === 'READY' || c.status === 'UPCOMING'
                ? t('campaigns.list.registrationOpensAtStart')
                : t('campaigns.list.registrationClosed')}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatRate(c.commissionRequirementBps)}
      </Table.Td>
      <Table.Td ta="right">
        {counts ? (
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="registration-total">
              {formatCount(counts.total)}
            </Text>
            <Text size="xs" c="dimmed">
              {/* Two lines when the column is narrow, each count whole. */}
              <Text span c={counts.pending > 0 ? 'yellow' : undefined} fw={counts.pending > 0 ? 600 : undefined} inherit style={{ whiteSpace: 'nowrap' }}>
                {t('campaigns.list.toReview', { count: formatCount(counts.pending) })}
              </Text>{' '}
              <span style={{ whiteSpace: 'nowrap' }}>· {t('campaigns.list.ongoing', { count: formatCount(counts.approved) })}</span>
            </Text>
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {/* The column says "created" (a date): the time is in the tooltip, so the date keeps one line in every
            language ("22:11 4 thg 12, 2026" took three). */}
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(c.createdAt, tz, { withZone: false })}>
          {formatDate(c.createdAt, tz)}
        </Text>
      </Table.Td>
      <Table.Td>
        <CampaignRowActions campaign={c} onChanged={onChanged} />
      </Table.Td>
    </Table.Tr>
  );
}
