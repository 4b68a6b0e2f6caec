/** One product of a shared offer on a phone: the creator's rate (only its own), price, stock, samples. */
import { Alert, Badge, Card, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import type { OfferChoice, SharedOfferQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { formatCount, formatDate, formatMoney, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { ProductHeader } from '../ProductHeader';

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
  const title = item.product?.title ?? t('offer.item.productFallback');
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
              {t('offer.inShowcase')}
            </Badge>
          ) : onToggle ? (
            <Checkbox
              size="lg"
              checked={selected}
              onChange={onToggle}
              aria-label={t('offer.item.add', { title })}
              aria-describedby={error ? errorId : undefined}
              style={{ flex: 'none' }}
            />
          ) : null}
        </Group>

        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t('offer.item.yourCommission')}
            </Text>
            <Text fz={28} fw={800} c="pink.7" lh={1.1} data-testid="offer-rate">
              {formatRate(item.creatorRateBps)}
            </Text>
          </Stack>
          {perSale && (
            <Text size="sm" c="dimmed" ta="right">
              {t('offer.item.perSale', { amount: formatMoney(perSale) })}
            </Text>
          )}
        </Group>

        <Group gap="lg" wrap="wrap">
          <Fact label={t('offer.item.price')}>{formatMoneyOrDash(item.price)}</Fact>
          <Fact label={t('offer.item.inStock')}>{formatCount(item.stock)}</Fact>
          <Fact label={t('offer.item.freeSamples')}>
            {item.sampleAvailable ? t('offer.item.samplesLeft', { shown: formatCount(item.samplesLeft) }) : t('offer.item.noneLeft')}
          </Fact>
        </Group>

        {notice && (
          <Alert
            color={notice.currentIsHigher ? 'yellow' : 'blue'}
            variant="light"
            radius="md"
            icon={notice.currentIsHigher ? <IconArrowDownRight aria-hidden /> : <IconArrowUpRight aria-hidden />}
            title={
              notice.currentIsHigher
                ? t('offer.notice.lower')
                : notice.offeredRateBps > notice.currentRateBps
                  ? t('offer.notice.higher')
                  : t('offer.notice.same')
            }
            data-testid="lower-rate-notice"
          >
            <Stack gap="xs">
              <Text size="sm">
                {notice.currentPendingRateBps !== null && notice.currentPendingEffectiveAt
                  ? richT(
                      t,
                      'offer.notice.bodyDropping',
                      {
                        source: notice.currentSource,
                        pending: formatRate(notice.currentPendingRateBps),
                        date: formatDate(notice.currentPendingEffectiveAt, timeZone),
                      },
                      { current: <b>{formatRate(notice.currentRateBps)}</b>, offered: <b>{formatRate(notice.offeredRateBps)}</b> },
                    )
                  : richT(
                      t,
                      'offer.notice.body',
                      { source: notice.currentSource },
                      { current: <b>{formatRate(notice.currentRateBps)}</b>, offered: <b>{formatRate(notice.offeredRateBps)}</b> },
                    )}
              </Text>
              <Radio.Group
                value={choice ?? null}
                onChange={(v) => onChoice?.(v as OfferChoice)}
                label={t('offer.notice.which')}
                required
                aria-describedby={error ? errorId : undefined}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="EXISTING" size="md" label={t('offer.notice.keep', { rate: formatRate(notice.currentRateBps) })} />
                  <Radio value="NEW" size="md" label={t('offer.notice.switch', { rate: formatRate(notice.offeredRateBps) })} />
                </Stack>
              </Radio.Group>
            </Stack>
          </Alert>
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
