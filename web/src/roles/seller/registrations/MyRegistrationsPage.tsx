/**
 * The seller's registrations across campaigns, live: status changes arrive through the subscription and
 * refetch the visible page. Withdraw (pending), request cancellation (ongoing), raise the sample quota,
 * and each registration's history.
 */
import { Button, Card } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPackage } from '@tabler/icons-react';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ConnectionPager } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { usePager } from '../../../components/usePager';
import { REGISTRATION_STATUSES } from '../../../features/registrations/registrationStatus';
import { useRegistrationEvents, type RegistrationStatusChange } from '../../../features/registrations/useRegistrationEvents';
import { useFlash } from '../../../features/samples/useFlash';
import { SellerRegistrationsDocument, type RegistrationStatus } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { MyRegistrationDialogs } from './MyRegistrationDialogs';
import { MyRegistrationFilters } from './MyRegistrationFilters';
import { MyRegistrationList } from './MyRegistrationList';
import { MyRegistrationTable } from './MyRegistrationTable';
import { useRegistrationDialogs } from './useRegistrationDialogs';

const PAGE_SIZE = 20;

export function MyRegistrationsPage() {
  const t = useT();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const statuses = params.getAll('status').filter((s): s is RegistrationStatus => (REGISTRATION_STATUSES as string[]).includes(s));
  const setFilter = (key: string, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    values.forEach((v) => next.append(key, v));
    setParams(next, { replace: true });
  };

  const filter = { campaignId, status: statuses.length ? statuses : null };
  const pager = usePager(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerRegistrationsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, filter, sort: { field: 'REGISTERED_AT', direction: 'DESC' } },
  });
  const rows = data?.registrations.edges.map((e) => e.node) ?? [];
  const connection = data?.registrations;

  // Live: refetch on every change of this seller's registrations; flash the changed row.
  const { flashing, flash } = useFlash();
  const onEvent = useCallback(
    (change: RegistrationStatusChange | null) => {
      refetch({ requestPolicy: 'network-only' });
      const id = change?.registration?.id;
      if (id) flash(id);
    },
    [refetch, flash],
  );
  useRegistrationEvents(onEvent);

  const dialogs = useRegistrationDialogs();
  const filtered = statuses.length > 0 || campaignId !== null;

  return (
    <>
      <PageHeader
        title={t('seller.campaign.myRegistrations')}
        description={t('seller.regs.description')}
        actions={
          <Button component={Link} to="../marketplace" relative="path" variant="light">
            {t('seller.perf.find')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <MyRegistrationFilters campaignId={campaignId} statuses={statuses} onChange={setFilter} />
        <QueryBoundary
          data={data}
          fetching={fetching}
          error={error}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
          loadingLabel={t('seller.regs.loading')}
          empty={
            rows.length === 0 && (
              <EmptyBlock
                title={filtered ? t('seller.regs.noMatch') : t('seller.regs.none')}
                description={filtered ? t('seller.orders.noMatchBody') : t('seller.regs.noneBody')}
                icon={<IconPackage aria-hidden />}
              >
                {!filtered && (
                  <Button component={Link} to="../marketplace" relative="path" mt="sm">
                    {t('seller.regs.openMarketplace')}
                  </Button>
                )}
              </EmptyBlock>
            )
          }
        >
          <div style={{ position: 'relative' }}>
            <RefreshOverlay visible={fetching} />
            {isPhone ? (
              <MyRegistrationList rows={rows} flashing={flashing} actions={dialogs.actions} />
            ) : (
              <MyRegistrationTable rows={rows} flashing={flashing} actions={dialogs.actions} busy={fetching} />
            )}
            <ConnectionPager
              pager={pager}
              pageSize={PAGE_SIZE}
              connection={connection}
              busy={fetching}
              label={t('seller.regs.pages')}
            />
          </div>
        </QueryBoundary>
      </Card>
      <MyRegistrationDialogs dialogs={dialogs} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
    </>
  );
}
