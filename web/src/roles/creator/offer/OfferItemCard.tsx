/** One product of a shared offer on a phone: the creator's rate (only its own), price, stock, samples. */
import { Alert, Badge, Card, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import type { OfferChoice, SharedOfferQuery } from '../../../generated/graphql';
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
  const title = item.product?.title ?? 'Product';
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
              In showcase
            </Badge>
          ) : onToggle ? (
            <Checkbox
              size="lg"
              checked={selected}
              onChange={onToggle}
              aria-label={`Add ${title}`}
              aria-describedby={error ? errorId : undefined}
              style={{ flex: 'none' }}
            />
          ) : null}
        </Group>

        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Your commission
            </Text>
            <Text fz={28} fw={800} c="pink" lh={1.1} data-testid="offer-rate">
              {formatRate(item.creatorRateBps)}
            </Text>
          </Stack>
          {perSale && (
            <Text size="sm" c="dimmed" ta="right">
              ≈ {formatMoney(perSale)} per sale
            </Text>
          )}
        </Group>

        <Group gap="lg" wrap="wrap">
          <Fact label="Price">{formatMoneyOrDash(item.price)}</Fact>
          <Fact label="In stock">{formatCount(item.stock)}</Fact>
          <Fact label="Free samples">{item.sampleAvailable ? `${formatCount(item.samplesLeft)} left` : 'None left'}</Fact>
        </Group>

        {notice && (
          <Alert
            color={notice.currentIsHigher ? 'yellow' : 'blue'}
            variant="light"
            radius="md"
            icon={notice.currentIsHigher ? <IconArrowDownRight aria-hidden /> : <IconArrowUpRight aria-hidden />}
            title={
              notice.currentIsHigher
                ? 'Lower than your current rate'
                : notice.offeredRateBps > notice.currentRateBps
                  ? 'Higher than your current rate'
                  : 'Same rate as your current offer'
            }
            data-testid="lower-rate-notice"
          >
            <Stack gap="xs">
              <Text size="sm">
                You already promote this at <b>{formatRate(notice.currentRateBps)}</b> through {notice.currentSource}
                {notice.currentPendingRateBps !== null && notice.currentPendingEffectiveAt
                  ? ` (dropping to ${formatRate(notice.currentPendingRateBps)} on ${formatDate(notice.currentPendingEffectiveAt, timeZone)})`
                  : ''}
                . This offer pays <b>{formatRate(notice.offeredRateBps)}</b>. One product has one rate: choose which to keep.
              </Text>
              <Radio.Group
                value={choice ?? null}
                onChange={(v) => onChoice?.(v as OfferChoice)}
                label="Which offer to keep"
                required
                aria-describedby={error ? errorId : undefined}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="EXISTING" size="md" label={`Keep my current ${formatRate(notice.currentRateBps)}`} />
                  <Radio value="NEW" size="md" label={`Switch to this offer: ${formatRate(notice.offeredRateBps)}`} />
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
