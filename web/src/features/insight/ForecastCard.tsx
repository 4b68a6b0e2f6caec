/**
 * The viewer's earnings forecast (sellers: commission owed): expected in the next 30 days with its low–high band,
 * the weekly chart for 90 days, the pay calendar, and which refund history the survival came from
 * (docs/forecast.md). Phone-first: the same card on the creator's mobile view.
 */
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarDollar } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { EarningsForecastDocument, type EarningsForecastQuery } from '../../generated/graphql';
import { formatCount, formatMoney } from '../../lib/format';
import { forecastRows, weekLabel } from './forecastRows';

const ForecastChart = lazy(() => import('./ForecastChart'));

type CurrencyForecast = EarningsForecastQuery['earningsForecast']['currencies'][number];

const BASIS_TEXT: Record<string, string> = {
  PRODUCT: 'the product',
  SHOP: 'the shop',
  CATEGORY: 'the category in its market',
  MARKET: 'the market',
  NONE: 'no history yet (all kept)',
};

function OneCurrency({ f, seller, compact }: { f: CurrencyForecast; seller: boolean; compact: boolean }) {
  const next = f.next30Days;
  return (
    <Stack gap="sm" data-testid={`forecast-${f.currency}`}>
      <SimpleGrid cols={compact ? 1 : 3} spacing="xs">
        <div>
          <Text size="xs" c="dimmed">
            {seller ? 'Expected to owe in the next 30 days' : 'Expected in the next 30 days'}
          </Text>
          <Text fw={700} size="xl" data-testid="forecast-next30">
            {formatMoney(next.likely)}
          </Text>
          <Text size="xs" c="dimmed">
            between {formatMoney(next.low)} and {formatMoney(next.high)} ({formatCount(next.lines)} lines)
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Open estimated now
          </Text>
          <Text fw={600}>{formatMoney(f.estimated)}</Text>
          <Text size="xs" c="dimmed">
            {formatCount(f.openLines)} lines before returns
            {Number(f.onHold.amount) !== 0 ? ` · ${formatMoney(f.onHold)} on hold` : ''}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Return risk observed on
          </Text>
          <Group gap={4}>
            {f.basis.map((b) => (
              <Badge key={b.level} variant="light" color="gray" size="sm" title={`${b.lines} lines`}>
                {BASIS_TEXT[b.level] ?? b.level}
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
            Pay dates
          </Text>
          <Table striped withRowBorders={false} fz="sm" data-testid="forecast-paydates">
            <Table.Tbody>
              {f.payDates.map((p) => (
                <Table.Tr key={p.date}>
                  <Table.Td>{weekLabel(p.date)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(p.band.likely)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {formatCount(p.band.lines)} lines
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
  const [{ data, fetching, error }, refetch] = useQuery({ query: EarningsForecastDocument });
  const seller = data?.earningsForecast.account === 'SELLER_PAYABLE';
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="forecast-title" data-testid="forecast-card">
      <Group gap="xs" mb="sm">
        <IconCalendarDollar size={18} aria-hidden />
        <Title order={2} size="h5" id="forecast-title">
          {seller ? 'Commission you will owe' : 'Earnings forecast'}
        </Title>
      </Group>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data && fetching ? (
        <LoadingState label="Forecasting…" />
      ) : data && data.earningsForecast.currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing open: every estimated commission has settled.
        </Text>
      ) : (
        <Stack gap="lg">
          {data?.earningsForecast.currencies.map((f) => (
            <OneCurrency key={f.currency} f={f} seller={seller} compact={compact} />
          ))}
          <Text size="xs" c="dimmed">
            Likely = each open line × the share its product (or shop, category, market) kept after returns; the band
            holds 95 % of outcomes. Lines still to be ordered are not included.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
