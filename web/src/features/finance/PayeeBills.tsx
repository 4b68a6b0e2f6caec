/** A payee's own bills (agency: a table; creator: cards), filtered by status, paged; live through notifications. */
import { Stack } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPager } from '../../components/PagerControls';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { usePager } from '../../components/usePager';
import { BillsDocument, type BillStatus } from '../../generated/graphql';
import { useRefetchOnReconnect } from '../../session/context';
import { useRefetchOnNotification } from '../notifications/liveContext';
import { BillCards, BillsTable, BillStatusChips } from './BillsList';
import { useT } from '../../i18n/context';

const PAGE_SIZE = 12;

export function PayeeBills({ layout, timeZone }: { layout: 'table' | 'cards'; timeZone: string }) {
  const t = useT();
  const [statuses, setStatuses] = useState<BillStatus[]>([]);
  const pager = usePager(statuses.join());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: BillsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, status: statuses.length ? statuses : null },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useRefetchOnNotification(reload);
  const connection = data?.bills;
  const bills = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="sm">
      <BillStatusChips label={t('finance.bills.statusFilter')} value={statuses} onChange={setStatuses} size={layout === 'cards' ? 'sm' : 'xs'} />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('finance.bills.loading')}
        empty={
          bills.length === 0 && (
            <EmptyBlock
              title={statuses.length ? t('finance.bills.noneWithStatus') : t('finance.bills.none')}
              description={t('finance.bills.noneBody')}
              icon={<IconFileInvoice aria-hidden />}
            />
          )
        }
      >
        <>
          {layout === 'cards' ? <BillCards bills={bills} timeZone={timeZone} /> : <BillsTable bills={bills} timeZone={timeZone} />}
          <ConnectionPager
            pager={pager}
            pageSize={PAGE_SIZE}
            connection={connection}
            busy={fetching}
            label={t('finance.bills.pages')}
          />
        </>
      </QueryBoundary>
    </Stack>
  );
}
