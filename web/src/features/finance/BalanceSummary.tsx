/**
 * A payee's money in one currency, each number a sum of the ledger or of bills: estimated (paid orders, not settled),
 * settled and waiting for the monthly bill, billed (not paid yet), paid out.
 */
import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingBank, IconClockHour4, IconFileInvoice, IconHourglass } from '@tabler/icons-react';
import { formatMoney, type MoneyLike } from '../../lib/format';
import { MetricTile } from '../performance/MetricTile';
import { useT } from '../../i18n/context';

export interface BalanceLike {
  currency: string;
  estimated: MoneyLike;
  settled?: MoneyLike | null;
  settledUnbilled: MoneyLike | null;
  billed: MoneyLike | null;
  paid: MoneyLike | null;
}

export function BalanceSummary({ balance, compact = false }: { balance: BalanceLike; compact?: boolean }) {
  const t = useT();
  const dash = (m: MoneyLike | null | undefined) => (m ? formatMoney(m) : '—');
  if (compact) {
    const rows = [
      { label: t('finance.balance.estimated'), value: dash(balance.estimated), help: t('finance.balance.estimatedShort') },
      { label: t('finance.balance.settledToBill'), value: dash(balance.settledUnbilled), help: t('finance.balance.settledToBillShort') },
      { label: t('finance.balance.billed'), value: dash(balance.billed), help: t('finance.balance.billedShort') },
      { label: t('finance.balance.paidOut'), value: dash(balance.paid), help: t('finance.balance.paidOutShort') },
    ];
    return (
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm" component="dl" m={0} data-testid="balances" data-currency={balance.currency}>
        {rows.map((r) => (
          <Stack key={r.label} gap={0}>
            <Text component="dt" size="xs" c="dimmed" fw={700} tt="uppercase">
              {r.label}
            </Text>
            {/* The help line is part of the description: a dl's groups hold only dt and dd (axe: definition-list). */}
            <Box component="dd" m={0}>
              <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {r.value}
              </Text>
              <Text size="xs" c="dimmed">
                {r.help}
              </Text>
            </Box>
          </Stack>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="balances" data-currency={balance.currency}>
      <MetricTile
        label={t('finance.balance.estimated')}
        value={dash(balance.estimated)}
        icon={<IconHourglass size={16} />}
        color="indigo"
        help={t('finance.balance.estimatedHelp')}
      />
      <MetricTile
        label={t('finance.balance.settledNotBilled')}
        value={dash(balance.settledUnbilled)}
        icon={<IconClockHour4 size={16} />}
        color="teal"
        help={t('finance.balance.settledHelp')}
        details={balance.settled ? [{ label: t('finance.balance.settledInAll'), value: dash(balance.settled) }] : []}
      />
      <MetricTile label={t('finance.balance.billed')} value={dash(balance.billed)} icon={<IconFileInvoice size={16} />} color="orange" help={t('finance.balance.billedHelp')} />
      <MetricTile label={t('finance.balance.paidOut')} value={dash(balance.paid)} icon={<IconBuildingBank size={16} />} color="green" help={t('finance.balance.paidOutHelp')} />
    </SimpleGrid>
  );
}
