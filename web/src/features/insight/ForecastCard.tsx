/**
 * The viewer's earnings forecast (sellers: commission owed): expected in the next 30 days with its low–high band,
 * the weekly chart for 90 days, the pay calendar, and which refund history the survival came from
 * (docs/forecast.md). Phone-first: the same card on the creator's mobile view.
 */
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarDollar } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { QueryBoundary } from '../../components/QueryBoundary';
import { EarningsForecastDocument, type EarningsForecastQuery } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';
import { formatCount, formatMoney } from '../../lib/format';
import { forecastRows, weekLabel } from './forecastRows';

const ForecastChart = lazy(() => import('./ForecastChart'));

type CurrencyForecast = EarningsForecastQuery['earningsForecast']['currencies'][number];

const BASIS_TEXT: Record<string, MessageKey> = {
  PRODUCT: 'insight.forecast.basis.product',
  SHOP: 'insight.forecast.basis.shop',
  CATEGORY: 'insight.forecast.basis.category',
  MARKET: 'insight.forecast.basis.market',
  NONE: 'insight.forecast.basis.none',
};

function OneCurrency({ f, seller, compact }: { f: CurrencyForecast; seller: boolean; compact: boolean }) {
  const t = useT();
  const next = f.next30Days;
  return (
    <Stack gap="sm" data-testid={`forecast-${f.currency}`}>
      <SimpleGrid cols={compact ? 1 : 3} spacing="xs">
        <div>
          <Text size="xs" c="dimmed">
            {seller ? t('insight.forecast.next30Owe') : t('insight.forecast.next30')}
          </Text>
          <Text fw={700} size="xl" data-testid="forecast-next30">
            {formatMoney(next.likely)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('insight.forecast.between', { low: formatMoney(next.low), high: formatMoney(next.high), lines: formatCount(next.lines) })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('insight.forecast.openNow')}
          </Text>
          <Text fw={600}>{formatMoney(f.estimated)}</Text>
          <Text size="xs" c="dimmed">
            {t('insight.forecast.openLines', { lines: formatCount(f.openLines) })}
            {Number(f.onHold.amount) !== 0 ? ` · ${t('insight.forecast.onHold', { amount: formatMoney(f.onHold) })}` : ''}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('insight.forecast.basisTitle')}
          </Text>
          <Group gap={4}>
            {f.basis.map((b) => (
              <Badge key={b.level} variant="light" color="gray" size="sm" title={t('insight.forecast.lines', { lines: String(b.lines) })}>
                {BASIS_TEXT[b.level] ? t(BASIS_TEXT[b.level]!) : b.level}
              </Badge>
            ))}
          </Group>
        </div>
      </SimpleGrid>
      <Suspense fallback={<Loader size="sm" />}>
        <ForecastChart rows={forecastRows(f.weeks)} currency={f.currency} height={compact ? 180 : 240} />
      </Suspense>
      {!seller && f.payDates.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('insight.forecast.payDates')}
          </Text>
          <Table striped withRowBorders={false} fz="sm" data-testid="forecast-paydates">
            <Table.Tbody>
              {f.payDates.map((p) => (
                <Table.Tr key={p.date}>
                  <Table.Td>{weekLabel(p.date)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(p.band.likely)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {t('insight.forecast.lines', { lines: formatCount(p.band.lines) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}

export function ForecastCard({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: EarningsForecastDocument });
  const seller = data?.earningsForecast.account === 'SELLER_PAYABLE';
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="forecast-title" data-testid="forecast-card">
      <Group gap="xs" mb="sm">
        <IconCalendarDollar size={18} aria-hidden />
        <Title order={2} size="h5" id="forecast-title">
          {seller ? t('insight.forecast.titleOwe') : t('insight.forecast.title')}
        </Title>
      </Group>
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        loadingLabel={t('insight.forecast.loading')}
        empty={
          data && data.earningsForecast.currencies.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('insight.forecast.empty')}
            </Text>
          )
        }
      >
        <Stack gap="lg">
          {data?.earningsForecast.currencies.map((f) => (
            <OneCurrency key={f.currency} f={f} seller={seller} compact={compact} />
          ))}
          <Text size="xs" c="dimmed">
            {t('insight.forecast.explain')}
          </Text>
        </Stack>
      </QueryBoundary>
    </Card>
  );
}
