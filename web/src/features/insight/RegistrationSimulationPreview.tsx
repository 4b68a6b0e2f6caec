/**
 * Live commission simulator on the seller's registration form: as the seller types a product's terms, what an order
 * really costs given the product's observed returns, the sample quota's cost, per 100 orders, and how the rate
 * compares with comparable approved products (quartiles only). A pure read (registrationSimulate).
 */
import { Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import { RegistrationSimulateDocument } from '../../generated/graphql';
import { formatMoney, formatRate } from '../../lib/format';

const BASIS: Record<string, string> = {
  PRODUCT: 'this product',
  SHOP: 'your shop',
  CATEGORY: 'its category',
  MARKET: 'the market',
  NONE: 'no history yet',
};

export interface SimulationTerms {
  totalRateBps: number | null;
  sampleQuota: number | null;
  shopAdsRateBps: number | null;
}

export function RegistrationSimulationPreview({ campaignId, productId, terms }: { campaignId: string; productId: string; terms: SimulationTerms }) {
  const [debounced] = useDebouncedValue(terms, 250);
  const ready = debounced.totalRateBps !== null && debounced.sampleQuota !== null;
  const [{ data, fetching }] = useQuery({
    query: RegistrationSimulateDocument,
    variables: {
      campaignId,
      items: [{ productId, totalRateBps: debounced.totalRateBps ?? 0, sampleQuota: debounced.sampleQuota ?? 0, shopAdsRateBps: debounced.shopAdsRateBps }],
    },
    pause: !ready,
  });
  if (!ready) return null;
  const item = data?.registrationSimulate.items[0];
  if (!item) return fetching ? <Loader size="xs" /> : null;
  const cmp = item.comparison;
  return (
    <Stack gap={2} data-testid="registration-simulation" aria-live="polite">
      <Group gap={6}>
        <Text size="xs">
          Expected commission per order:{' '}
          <Text span fw={700} inherit data-testid="sim-expected">
            {formatMoney(item.expectedCommissionPerOrder)}
          </Text>{' '}
          ({formatRate(item.refundRateBps)} of sales came back on {BASIS[item.refundBasis] ?? item.refundBasis}, {item.refundSampleSize} orders — refunded orders pay no commission)
        </Text>
        {fetching && <Loader size={10} />}
      </Group>
      <Text size="xs" c="dimmed">
        Per 100 orders: <b data-testid="sim-per100">{formatMoney(item.costPer100Orders)}</b> including samples {formatMoney(item.sampleQuotaCost)}
        {item.shopAdsPerOrder ? `, plus ${formatMoney(item.shopAdsPerOrder)} shop ads per ads order` : ''}
        {item.effectiveRateBps !== null ? ` — an effective ${formatRate(item.effectiveRateBps)} of what buyers keep.` : '.'}
      </Text>
      <Text size="xs" c="dimmed" data-testid="sim-comparison">
        {cmp
          ? `Comparable approved products (${cmp.count}, ${cmp.scope === 'CATEGORY' ? 'same category' : 'this campaign'}): middle half ${formatRate(cmp.p25Bps)}–${formatRate(cmp.p75Bps)}, median ${formatRate(cmp.medianBps)}; your rate is above ${formatRate(cmp.belowShareBps)} of them.`
          : 'Too few comparable approved products yet to compare your rate.'}
      </Text>
    </Stack>
  );
}
