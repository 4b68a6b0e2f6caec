/** What an order of the product costs the seller at a total rate: "On a ฿100 order at 12%, you pay ฿12 …". */
import { Text } from '@mantine/core';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import type { MoneyLike } from '../../../lib/format';
import { formatMoney, formatRate } from '../../../lib/format';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

export function CostPreview({ product, rateBps }: { product: { price?: MoneyLike | null }; rateBps: number | null }) {
  const t = useT();
  if (!product.price) return <Text size="xs" c="dimmed">{t('seller.register.noPrice')}</Text>;
  if (rateBps === null) return <Text size="xs" c="dimmed">{t('seller.register.enterRate')}</Text>;
  const preview = orderCostPreview(product.price, rateBps);
  return (
    <Text size="xs" c="dimmed" data-testid="cost-preview">
      {richT(
        t,
        'seller.register.costPreview',
        { price: formatMoney(preview.price), rate: formatRate(rateBps), net: formatMoney(preview.net) },
        {
          commission: (
            <Text span fw={700} c="var(--mantine-color-text)" inherit>
              {formatMoney(preview.commission)}
            </Text>
          ),
        },
      )}
    </Text>
  );
}
