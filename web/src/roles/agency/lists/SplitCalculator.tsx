/**
 * The split calculator: the seller's total rate divided between the creator and the agency. The two fields
 * are linked (typing one moves the other) and the money per unit sold at the product's price is shown with
 * the server's integer half-up math, so what the agency reads here is what the ledger will post.
 */
import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { RateInput } from '../../../features/campaigns/RateInput';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import { useT } from '../../../i18n/context';
import { formatMoney, formatRate, type MoneyLike } from '../../../lib/format';
import { editAgencyText, editCreatorText, splitRate, type SplitFields } from './split';

export interface SplitCalculatorProps {
  totalBps: number;
  price: MoneyLike | null;
  value: SplitFields;
  onChange: (next: SplitFields) => void;
  /** Appended to the fields' accessible names, e.g. the product title ("Creator rate for …"). */
  subject?: string;
  /** Two fields and one line of money (for table rows) instead of the full breakdown. */
  compact?: boolean;
  /** Show the edited field's rule error (after a first submit, or at once). */
  showError?: boolean;
  /** A server userError for the creator rate. */
  serverError?: string | null;
}

export function SplitCalculator({ totalBps, price, value, onChange, subject, compact, showError = true, serverError }: SplitCalculatorProps) {
  const split = value.creatorBps !== null && !value.error ? splitRate(totalBps, value.creatorBps, price) : null;
  const t = useT();
  const error = serverError ?? (showError ? value.error : null);

  const fields = (
    <Group gap={compact ? 6 : 'sm'} align="flex-start" wrap="nowrap">
      <RateInput
        label={compact ? undefined : t('agency.split.creatorRate')}
        aria-label={compact ? (subject ? t('agency.split.creatorRateFor', { subject }) : t('agency.split.creatorRate')) : undefined}
        description={compact ? undefined : t('agency.split.creatorRateHelp')}
        value={value.creatorText}
        onChange={(text) => onChange(editCreatorText(text, value, totalBps))}
        error={error ?? undefined}
        w={compact ? 96 : 150}
        size={compact ? 'xs' : 'sm'}
        data-testid="split-creator-input"
      />
      <IconArrowsLeftRight size={16} aria-hidden color="var(--mantine-color-dimmed)" style={{ marginTop: compact ? 8 : 52, flex: 'none' }} />
      <RateInput
        label={compact ? undefined : t('agency.split.agencyShare')}
        aria-label={compact ? (subject ? t('agency.split.agencyShareFor', { subject }) : t('agency.split.agencyShare')) : undefined}
        description={compact ? undefined : t('agency.split.agencyShareHelp')}
        value={value.agencyText}
        onChange={(text) => onChange(editAgencyText(text, value, totalBps))}
        error={Boolean(error)}
        w={compact ? 96 : 150}
        size={compact ? 'xs' : 'sm'}
        data-testid="split-agency-input"
      />
    </Group>
  );

  if (compact) {
    return (
      <Stack gap={2}>
        {fields}
        {split?.money && (
          <Text size="xs" c="dimmed" data-testid="split-summary">
            {t('agency.split.compactCreator', { amount: formatMoney(split.money.creatorEarns) })}{' '}
            <Text span inherit fw={600} c="indigo.9" data-testid="split-agency-money">
              {formatMoney(split.money.agencyEarns)}
            </Text>{' '}
            {t('agency.split.perUnit')}
          </Text>
        )}
      </Stack>
    );
  }

  const creatorShare = split ? (split.creatorBps * 100) / totalBps : 0;
  return (
    <Stack gap="sm" data-testid="split-calculator">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Text size="sm">
          {t('agency.split.sellerTotal')}{' '}
          <Text span fw={700} inherit data-testid="split-total">
            {formatRate(totalBps)}
          </Text>
        </Text>
        {price && (
          <Text size="sm" c="dimmed">
            {t('agency.split.commissionPerUnit', { amount: formatMoney(orderCostPreview(price, totalBps).commission), price: formatMoney(price) })}
          </Text>
        )}
      </Group>
      {fields}
      <Tooltip label={split ? t('agency.split.bar', { creator: formatRate(split.creatorBps), agency: formatRate(split.agencyBps) }) : t('agency.split.invalid')} withArrow>
        <Progress.Root size="lg" radius="sm" aria-hidden>
          <Progress.Section value={creatorShare} color="pink" />
          <Progress.Section value={split ? 100 - creatorShare : 0} color="indigo" />
        </Progress.Root>
      </Tooltip>
      <Group grow gap="sm" align="stretch">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('agency.split.creatorEarns')}
          </Text>
          <Text fw={700} c="pink.8" data-testid="split-creator-money">
            {split ? formatRate(split.creatorBps) : '—'}
            {split?.money ? ` · ${formatMoney(split.money.creatorEarns)}` : ''}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('agency.split.agencyKeeps')}
          </Text>
          <Text fw={700} c="indigo.8" data-testid="split-agency-money">
            {split ? formatRate(split.agencyBps) : '—'}
            {split?.money ? ` · ${formatMoney(split.money.agencyEarns)}` : ''}
          </Text>
        </Stack>
      </Group>
      {price && (
        <Text size="xs" c="dimmed">
          {t('agency.split.rounding', { price: formatMoney(price) })}
        </Text>
      )}
    </Stack>
  );
}
