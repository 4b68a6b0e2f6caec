/**
 * A page of order lines for the agency's and the seller's order screens: keyset pages that restart when the filter
 * changes, live refetches (commissionChanged for a payee, orderLineChanged for a seller) that flash the line, and
 * the line whose receipt is open.
 */
import { useCallback, useState } from 'react';
import { useQuery, type TypedDocumentNode } from 'urql';
import { usePager } from '../../components/usePager';
import type { AgencyOrderLinesQueryVariables, OrderLineFilter } from '../../generated/graphql';
import { useOrderLinesLive, useRefetchOn } from '../performance/useLiveRefresh';
import { useFlash } from '../samples/useFlash';

export function useOrderLineList<Data>(
  document: TypedDocumentNode<Data, AgencyOrderLinesQueryVariables>,
  audience: 'payee' | 'seller',
  filter: OrderLineFilter | null,
  pageSize: number,
) {
  const pager = usePager(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({ query: document, variables: { first: pageSize, after: pager.after, filter } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  const { version } = useOrderLinesLive(audience, flash);
  useRefetchOn(version, reload);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  return { data, fetching, error, reload, pager, flashing, version, receiptOf, setReceiptOf };
}
