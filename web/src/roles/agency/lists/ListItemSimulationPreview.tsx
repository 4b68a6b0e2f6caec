/**
 * The agency's simulator in the creator-rate form (docs/forecast.md): as the agency types a list item's creator
 * rate, what it pays the creator and the agency per order and at the product's recent order volume, and how it
 * compares with what creators already earn on the product through other offers (the lower-rate notice's numbers).
 * A pure read (productListItemSimulate), debounced.
 */
import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import { ProductListItemSimulateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatMoney, formatRate } from '../../../lib/format';

export const SIMULATE_DEBOUNCE_MS = 300;

export function ListItemSimulationPreview({ registrationId, creatorBps, compact = false }: { registrationId: string; creatorBps: number | null; compact?: boolean }) {
  const t = useT();
  const [debounced] = useDebouncedValue(creatorBps, SIMULATE_DEBOUNCE_MS);
  const [{ data, fetching }] = useQuery({
    query: ProductListItemSimulateDocument,
    variables: { items: [{ registrationId, creatorRateBps: debounced ?? 0 }] },
    pause: debounced === null,
  });
  if (creatorBps === null || debounced === null) return null;
  const item = data?.productListItemSimulate.items[0];
  const problem = data?.productListItemSimulate.userErrors[0]?.message;
  if (!item) {
    if (problem) return null;  // the form shows the rate's own error
    return fetching ? <Loader size="xs" aria-label={t('insight.simulator.loading')} /> : null;
  }
  const size = compact ? 'xs' : 'sm';
  const lines = (
    <Stack gap={compact ? 0 : 4} data-testid="list-item-simulation" data-rate={item.creatorRateBps} aria-live="polite">
      {!compact && (
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('insight.simulator.title')}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text size={size} fw={600} data-testid="sim-per-order">
          {t('insight.simulator.perOrder', { rate: formatRate(item.creatorRateBps), creator: formatMoney(item.creatorPerOrder), agency: formatMoney(item.agencyPerOrder) })}
        </Text>
        {fetching && <Loader size={10} aria-label={t('insight.simulator.loading')} />}
      </Group>
      <Text size={size} c="dimmed" data-testid="sim-recent">
        {item.recentOrders === 0
          ? t('insight.simulator.noRecent', { days: item.recentDays })
          : t('insight.simulator.recent', {
              days: item.recentDays,
              count: item.recentOrders,
              orders: formatCount(item.recentOrders),
              gmv: formatMoney(item.recentGmv),
              creator: formatMoney(item.creatorRecent),
              agency: formatMoney(item.agencyRecent),
            })}
      </Text>
      <Text size={size} c={item.creatorsEarningMore > 0 ? 'orange.8' : 'dimmed'} data-testid="sim-others">
        {item.creatorsElsewhere === 0
          ? t('insight.simulator.noOthers')
          : t('insight.simulator.others', {
              count: item.creatorsElsewhere,
              shown: formatCount(item.creatorsElsewhere),
              more: item.creatorsEarningMore,
              moreShown: formatCount(item.creatorsEarningMore),
              rate: formatRate(item.creatorRateBps),
            })}
      </Text>
    </Stack>
  );
  return compact ? lines : (
    <Paper withBorder radius="md" p="sm">
      {lines}
    </Paper>
  );
}
