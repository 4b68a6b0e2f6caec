import { SimpleGrid } from '@mantine/core';
import { IconBuilding, IconBuildingStore, IconPackage, IconSpeakerphone, IconUserStar, IconUsers } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { PlatformOverviewDocument } from '../../generated/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import { StatCard } from '../../components/StatCard';
import { formatCount } from '../../lib/format';
import { useRefetchOnReconnect } from '../../session/context';

export function OperatorHome() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PlatformOverviewDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const overview = data?.platformOverview;

  return (
    <>
      <PageHeader title="Platform overview" description="Everything on this Matchup installation, read-only." />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : fetching && !data ? (
        <LoadingState label="Loading overview…" />
      ) : !overview ? (
        <EmptyBlock title="No overview available" />
      ) : (
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" component="section" aria-label="Platform counts" data-testid="platform-overview">
          <StatCard label="Agencies" value={formatCount(overview.agencies)} icon={<IconBuilding size={20} />} />
          <StatCard label="Shops" value={formatCount(overview.shops)} icon={<IconBuildingStore size={20} />} />
          <StatCard label="Creators" value={formatCount(overview.creators)} icon={<IconUserStar size={20} />} />
          <StatCard label="Products" value={formatCount(overview.products)} icon={<IconPackage size={20} />} />
          <StatCard label="Campaigns" value={formatCount(overview.campaigns)} icon={<IconSpeakerphone size={20} />} />
          <StatCard label="Users" value={formatCount(overview.users)} icon={<IconUsers size={20} />} />
        </SimpleGrid>
      )}
    </>
  );
}
