/** The seller's registrations on a phone: one list item per registration (title, campaign, status, rate, samples). */
import { Group, Stack, Text } from '@mantine/core';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { useT } from '../../../i18n/context';
import { formatCount, formatRate } from '../../../lib/format';
import { RegistrationRowActions, type MyRegistration, type MyRegistrationActions } from './RegistrationRowActions';
import { RejectReasonLine } from './RejectReasonLine';

export interface MyRegistrationViewProps {
  rows: ReadonlyArray<MyRegistration>;
  flashing: ReadonlySet<string>;
  actions: MyRegistrationActions;
}

export function MyRegistrationList({ rows, flashing, actions }: MyRegistrationViewProps) {
  const t = useT();
  return (
    <Stack gap={0} component="ul" aria-label={t('seller.regs.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => (
        <li
          key={row.id}
          data-testid="my-registration-row"
          data-status={row.status}
          style={{
            padding: 'var(--mantine-spacing-sm) 0',
            borderBottom: '1px solid var(--mantine-color-default-border)',
            background: flashing.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined,
            transition: 'background-color 600ms ease',
          }}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} lineClamp={2}>
                {row.product?.title}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {row.campaign?.name}
              </Text>
              <Group gap="xs" mt={4}>
                <RegistrationStatusBadge status={row.status} />
                <Text size="xs" c="dimmed">
                  {t('seller.regs.rateSamples', { rate: row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—', count: row.sampleQuota ?? 0, shown: formatCount(row.sampleQuota ?? 0) })}
                </Text>
              </Group>
              <RejectReasonLine row={row} />
            </Stack>
            <RegistrationRowActions row={row} actions={actions} />
          </Group>
        </li>
      ))}
    </Stack>
  );
}
