/**
 * Live commission simulator on the seller's registration form: as the seller types a product's terms, what an order
 * really costs given the product's observed returns, the sample quota's cost, per 100 orders, and how the rate
 * compares with comparable approved products (quartiles only). A pure read (registrationSimulate).
 */
import { Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import { RegistrationSimulateDocument } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { formatMoney, formatRate } from '../../../lib/format';

const BASIS: Record<string, MessageKey> = {
  PRODUCT: 'insight.simulation.basis.product',
  SHOP: 'insight.simulation.basis.shop',
  CATEGORY: 'insight.simulation.basis.category',
  MARKET: 'insight.simulation.basis.market',
  NONE: 'insight.simulation.basis.none',
};

export interface SimulationTerms {
  totalRateBps: number | null;
  sampleQuota: number | null;
  shopAdsRateBps: number | null;
}

export function RegistrationSimulationPreview({ campaignId, productId, terms }: { campaignId: string; productId: string; terms: SimulationTerms }) {
  const t = useT();
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
          {richT(
            t,
            'insight.simulation.expected',
            {
              refund: formatRate(item.refundRateBps),
              basis: BASIS[item.refundBasis] ? t(BASIS[item.refundBasis]!) : item.refundBasis,
              orders: String(item.refundSampleSize),
            },
            {
              amount: (
                <Text span fw={700} inherit data-testid="sim-expected">
                  {formatMoney(item.expectedCommissionPerOrder)}
                </Text>
              ),
            },
          )}
        </Text>
        {fetching && <Loader size={10} />}
      </Group>
      <Text size="xs" c="dimmed">
        {richT(t, 'insight.simulation.per100', { samples: formatMoney(item.sampleQuotaCost) }, { amount: <b data-testid="sim-per100">{formatMoney(item.costPer100Orders)}</b> })}
        {item.shopAdsPerOrder ? t('insight.simulation.shopAds', { amount: formatMoney(item.shopAdsPerOrder) }) : ''}
        {item.effectiveRateBps !== null ? ` ${t('insight.simulation.effective', { rate: formatRate(item.effectiveRateBps) })}` : '.'}
      </Text>
      <Text size="xs" c="dimmed" data-testid="sim-comparison">
        {cmp
          ? t('insight.simulation.comparison', {
              count: String(cmp.count),
              scope: cmp.scope === 'CATEGORY' ? t('insight.simulation.sameCategory') : t('insight.simulation.thisCampaign'),
              p25: formatRate(cmp.p25Bps),
              p75: formatRate(cmp.p75Bps),
              median: formatRate(cmp.medianBps),
              above: formatRate(cmp.belowShareBps),
            })
          : t('insight.simulation.noComparison')}
      </Text>
    </Stack>
  );
}
