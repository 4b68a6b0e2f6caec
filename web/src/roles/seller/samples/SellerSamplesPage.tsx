/**
 * Approved samples of the seller's products to ship, live, with the creator's shipping address (only the
 * seller and the creator can read it; no other creator data). Record each shipment event with carrier and
 * tracking number; the creator and the agency see it at once.
 */
import { Card, Stack } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { SampleRoiPanel } from '../../../features/insight/SampleRoiPanel';
import { SampleStatusChips } from '../../../features/samples/SampleStatusFilter';
import { useSampleStatusParam } from '../../../features/samples/useSampleStatusParam';
import { useFlash } from '../../../features/samples/useFlash';
import { useSampleEvents, type SampleChange } from '../../../features/samples/useSampleEvents';
import { SellerSampleRequestsDocument, type SampleStatus } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { marketTimeZone } from '../../../lib/markets';
import { SellerSampleRow } from './SellerSampleRow';
import { ShipmentDialog } from './ShipmentDialog';
import type { SellerSample } from './ShipmentForm';

const PAGE_SIZE = 20;
/** What sellers see: from the agency's approval on. */
const SELLER_STATUSES: SampleStatus[] = ['APPROVED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE'];
const OPEN_STATUSES: SampleStatus[] = ['APPROVED', 'SHIPPED'];

export function SellerSamplesPage() {
  const t = useT();
  const [statuses, setStatuses] = useSampleStatusParam(SELLER_STATUSES, OPEN_STATUSES);
  const pager = usePager(statuses.join());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerSampleRequestsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, status: statuses.length ? statuses : SELLER_STATUSES },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  useSampleEvents(
    useCallback(
      (change: SampleChange | null) => {
        reload();
        if (change) flash(change.id);
      },
      [reload, flash],
    ),
  );
  const [shipping, setShipping] = useState<SellerSample | null>(null);

  const connection = data?.sampleRequests;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title={t('seller.work.toShip')}
        description={t('seller.samples.description')}
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <SampleStatusChips
            id="seller-sample-filter"
            label={t('seller.perf.status')}
            options={SELLER_STATUSES}
            value={statuses}
            onChange={setStatuses}
            chipLabel={(s) => (s === 'APPROVED' ? t('seller.samples.toShip') : undefined)}
          />

          <QueryBoundary
            data={data}
            fetching={fetching}
            error={error}
            onRetry={reload}
            loadingLabel={t('seller.samples.loading')}
            empty={rows.length === 0 && <EmptyBlock title={t('seller.samples.none')} description={t('seller.samples.noneBody')} icon={<IconTruckDelivery aria-hidden />} />}
          >
            <div style={{ position: 'relative' }}>
              <RefreshOverlay visible={fetching} />
              <DataTable
                caption={t('seller.work.toShip')}
                minWidth={960}
                nowrapHeader
                verticalSpacing="md"
                data-testid="seller-sample-table"
                columns={[
                  { label: t('seller.catalogue.colProduct') },
                  { label: t('seller.samples.colShipTo') },
                  { label: t('seller.perf.status') },
                  { label: t('seller.samples.colActions'), hideLabel: true },
                ]}
              >
                {rows.map((row) => (
                  <SellerSampleRow key={row.id} row={row} flashing={flashing.has(row.id)} onShip={() => setShipping(row)} />
                ))}
              </DataTable>
              <ConnectionPager
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={connection}
                busy={fetching}
                label={t('seller.samples.pages')}
              />
            </div>
          </QueryBoundary>
        </Stack>
      </Card>
      <SampleRoiPanel agency={false} />
      <ShipmentDialog row={shipping} timeZone={marketTimeZone(shipping?.campaign?.market)} onClose={() => setShipping(null)} />
    </>
  );
}
