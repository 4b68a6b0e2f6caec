/** One product of a shared offer on a phone: the creator's rate (only its own), price, stock, samples. */
import { Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import type { OfferChoice, SharedOfferQuery } from '../../../generated/graphql';
import { formatCount, formatMoney, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { ProductHeader } from '../ProductHeader';
import { useT } from '../../../i18n/context';

// Only a creator who already carries the product meets the choice: the first page loads without it.
const LowerRateChoice = lazy(() => import('./LowerRateChoice').then((m) => ({ default: m.LowerRateChoice })));

export type OfferItem = NonNullable<SharedOfferQuery['shareLink']>['items'][number];
/** What every viewer of an offer sees of an item; the creator's own state (in showcase, lower-rate notice) aside. */
export type OfferItemView = Omit<OfferItem, 'inShowcase' | 'lowerRateNotice'> & Partial<Pick<OfferItem, 'inShowcase' | 'lowerRateNotice'>>;

export interface OfferItemCardProps {
  item: OfferItemView;
  timeZone: string;
  /** Without `onToggle` (the agency's "preview as creator") the card shows no action. */
  selected?: boolean;
  onToggle?: () => void;
  choice?: OfferChoice | undefined;
  onChoice?: (choice: OfferChoice) => void;
  error?: string | null;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function OfferItemCard({ item, timeZone, selected = false, onToggle, choice, onChoice, error = null }: OfferItemCardProps) {
  const t = useT();
  const title = item.product?.title ?? t('offers.item.product');
  const perSale = item.price ? orderCostPreview(item.price, item.creatorRateBps).commission : null;
  const notice = item.inShowcase || !onChoice ? null : item.lowerRateNotice;
  const errorId = `offer-item-error-${item.id}`;

  return (
    <Card
      withBorder
      radius="lg"
      padding="md"
      data-testid="offer-item"
      data-selected={selected || undefined}
      style={{ borderColor: error ? 'var(--mantine-color-red-6)' : selected ? 'var(--mantine-color-pink-4)' : undefined }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <ProductHeader product={item.product} />
          {item.inShowcase ? (
            <Badge color="teal" variant="light" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />} style={{ flex: 'none' }}>
              {t('offers.inShowcase')}
            </Badge>
          ) : onToggle ? (
            <Checkbox
              size="lg"
              checked={selected}
              onChange={onToggle}
              aria-label={t('offers.item.add', { title })}
              aria-describedby={error ? errorId : undefined}
              style={{ flex: 'none' }}
            />
          ) : null}
        </Group>

        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t('offers.item.yourCommission')}
            </Text>
            <Text fz={28} fw={800} c="pink" lh={1.1} data-testid="offer-rate">
              {formatRate(item.creatorRateBps)}
            </Text>
          </Stack>
          {perSale && (
            <Text size="sm" c="dimmed" ta="right">
              {t('offers.item.perSale', { amount: formatMoney(perSale) })}
            </Text>
          )}
        </Group>

        <Group gap="lg" wrap="wrap">
          <Fact label={t('offers.item.price')}>{formatMoneyOrDash(item.price)}</Fact>
          <Fact label={t('offers.item.inStock')}>{formatCount(item.stock)}</Fact>
          <Fact label={t('offers.item.freeSamples')}>{item.sampleAvailable ? t('offers.item.left', { shown: formatCount(item.samplesLeft) }) : t('offers.item.noneLeft')}</Fact>
        </Group>

        {notice && (
          <Suspense fallback={null}>
            <LowerRateChoice notice={notice} timeZone={timeZone} choice={choice} onChoice={onChoice} describedBy={error ? errorId : undefined} />
          </Suspense>
        )}
        {error && (
          <Text size="sm" c="red" fw={500} id={errorId} role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
