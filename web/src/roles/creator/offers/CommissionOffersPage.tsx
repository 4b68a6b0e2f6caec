/**
 * Every offer open to the creator (through links it opened), grouped by product with the best rate first:
 * rate, agency, campaign end and samples, and whether it is the one in the showcase.
 */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconDiscount, IconTrophy } from '@tabler/icons-react';
import { SearchInput } from '../../../components/SearchInput';
import { Fragment, useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../../components/QueryState';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { sharePath } from '../shareToken';
import { useShowcaseEvents } from '../../../features/showcase/useShowcaseEvents';
import { CommissionOffersDocument, type CommissionOffersQuery } from '../../../generated/graphql';
import { formatCount, formatDate, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { PasteLinkCard } from '../PasteLinkCard';
import { ProductHeader } from '../ProductHeader';

import { useT } from '../../../i18n/context';

type ProductOfferGroup = CommissionOffersQuery['commissionOffers'][number];

function ProductOffersCard({ group, timeZone }: { group: ProductOfferGroup; timeZone: string }) {
  const t = useT();
  const title = group.product?.title ?? t('offers.productFallback');
  return (
    <Card withBorder radius="lg" padding="md" data-testid="offer-group">
      <Stack gap="sm">
        <ProductHeader product={group.product} size={56} />
        <Group gap="xs" wrap="wrap">
          <Badge color="pink" variant="filled" radius="sm" tt="none" leftSection={<IconTrophy size={12} aria-hidden />}>
            {t('offers.best', { rate: formatRate(group.bestRateBps) })}
          </Badge>
          {group.activeRateBps !== null && (
            <Badge color={group.activeRateBps < group.bestRateBps ? 'yellow' : 'teal'} variant="light" radius="sm" tt="none">
              {t('offers.youEarn', { rate: formatRate(group.activeRateBps) })}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {t('offers.price', { price: formatMoneyOrDash(group.product?.price) })}
          </Text>
        </Group>
        <Stack gap={0} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('offers.listLabel', { title })}>
          {group.offers.map((offer, index) => (
            <Fragment key={offer.listItemId}>
              {/* The divider is a rule drawn by the item itself: an ol holds only li (axe: list). */}
              <li data-testid="offer-row" style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)', marginTop: 6, paddingTop: 6 } : undefined}>
                <Group justify="space-between" wrap="nowrap" gap="sm" py={4}>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={700} c={index === 0 ? 'pink' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatRate(offer.creatorRateBps)}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {offer.agencyName} · {offer.campaignName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('offers.until', { date: formatDate(offer.campaignEnd, timeZone) })} ·{' '}
                      {offer.sampleAvailable ? t('offers.freeSamples', { count: offer.samplesLeft, shown: formatCount(offer.samplesLeft) }) : t('offers.noSamples')}
                    </Text>
                  </Stack>
                  {offer.inShowcase ? (
                    <Badge color="teal" variant="light" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />} style={{ flex: 'none' }}>
                      {t('offers.inShowcase')}
                    </Badge>
                  ) : (
                    <Button
                      component={Link}
                      to={sharePath(offer.token)}
                      size="sm"
                      variant="light"
                      color="pink"
                      style={{ flex: 'none' }}
                      aria-label={t('offers.openLabel', { rate: formatRate(offer.creatorRateBps), title, agency: offer.agencyName })}
                    >
                      {t('offers.open')}
                    </Button>
                  )}
                </Group>
              </li>
            </Fragment>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

export function CommissionOffersPage() {
  const viewer = useViewer();
  const t = useT();
  const tz = marketTimeZone(viewer.organisation.market);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CommissionOffersDocument, variables: { first: 100, search: debounced || null } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useShowcaseEvents(reload);
  const groups = data?.commissionOffers ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('offers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('offers.subtitle')}
        </Text>
      </Stack>
      <SearchInput
        label={t('offers.search')}
        placeholder={t('offers.searchPlaceholder')}
        value={search}
        onChange={setSearch}
        size="md"
      />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('offers.loading')}
        empty={
          groups.length === 0 && (
            <Stack gap="md">
              <EmptyBlock
                title={debounced ? t('offers.noMatch') : t('offers.none')}
                description={debounced ? t('offers.noMatchHint') : t('offers.noneHint')}
                icon={<IconDiscount aria-hidden />}
              />
              {!debounced && <PasteLinkCard />}
            </Stack>
          )
        }
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('offers.productsLabel')}>
          {groups.map((group) => (
            <li key={group.product?.id ?? group.offers[0]?.listItemId}>
              <ProductOffersCard group={group} timeZone={tz} />
            </li>
          ))}
        </Stack>
      </QueryBoundary>
    </Stack>
  );
}
