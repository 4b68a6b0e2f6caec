/** The lower-rate notice of an offer item: the creator already carries the product at another rate and keeps one. */
import { Alert, Radio, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { OfferChoice } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { formatDate, formatRate } from '../../../lib/format';
import type { OfferItem } from './OfferItemCard';

type Notice = NonNullable<OfferItem['lowerRateNotice']>;

export function LowerRateChoice({ notice, timeZone, choice, onChoice, describedBy }: {
  notice: Notice;
  timeZone: string;
  choice: OfferChoice | undefined;
  onChoice: ((choice: OfferChoice) => void) | undefined;
  describedBy: string | undefined;
}) {
  const t = useT();
  const current = formatRate(notice.currentRateBps);
  const offered = formatRate(notice.offeredRateBps);
  const dropping =
    notice.currentPendingRateBps !== null && notice.currentPendingEffectiveAt
      ? t('offers.lowerRate.dropping', { rate: formatRate(notice.currentPendingRateBps), date: formatDate(notice.currentPendingEffectiveAt, timeZone) })
      : '';
  return (
    <Alert
      color={notice.currentIsHigher ? 'yellow' : 'blue'}
      variant="light"
      radius="md"
      icon={notice.currentIsHigher ? <IconArrowDownRight aria-hidden /> : <IconArrowUpRight aria-hidden />}
      title={
        notice.currentIsHigher
          ? t('offers.lowerRate.lower')
          : notice.offeredRateBps > notice.currentRateBps
            ? t('offers.lowerRate.higher')
            : t('offers.lowerRate.same')
      }
      data-testid="lower-rate-notice"
    >
      <Stack gap="xs">
        <Text size="sm">
          {richT(t, 'offers.lowerRate.body', { source: notice.currentSource, dropping }, { current: <b>{current}</b>, offered: <b>{offered}</b> })}
        </Text>
        <Radio.Group
          value={choice ?? null}
          onChange={(v) => onChoice?.(v as OfferChoice)}
          label={t('offers.lowerRate.which')}
          required
          aria-describedby={describedBy}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="EXISTING" size="md" label={t('offers.lowerRate.keep', { rate: current })} />
            <Radio value="NEW" size="md" label={t('offers.lowerRate.switch', { rate: offered })} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Alert>
  );
}
