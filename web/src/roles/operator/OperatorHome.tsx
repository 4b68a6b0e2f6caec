import { SimpleGrid } from '@mantine/core';
import { IconBuilding, IconBuildingStore, IconPackage, IconSpeakerphone, IconUserStar, IconUsers } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { PlatformOverviewDocument } from '../../generated/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { StatCard } from '../../components/StatCard';
import { formatCount } from '../../lib/format';
import { useRefetchOnReconnect } from '../../session/context';
import { useT } from '../../i18n/context';

export function OperatorHome() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PlatformOverviewDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const overview = data?.platformOverview;

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('operator.home.loading') });
  return (
    <>
      <PageHeader title={t('operator.home.title')} description={t('operator.home.description')} />
      {pending ? pending : !overview ? (
        <EmptyBlock title={t('operator.home.none')} />
      ) : (
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" component="section" aria-label={t('operator.home.counts')} data-testid="platform-overview">
          <StatCard label={t('operator.home.agencies')} value={formatCount(overview.agencies)} icon={<IconBuilding size={20} />} />
          <StatCard label={t('operator.home.shops')} value={formatCount(overview.shops)} icon={<IconBuildingStore size={20} />} />
          <StatCard label={t('operator.home.creators')} value={formatCount(overview.creators)} icon={<IconUserStar size={20} />} />
          <StatCard label={t('operator.home.products')} value={formatCount(overview.products)} icon={<IconPackage size={20} />} />
          <StatCard label={t('operator.home.campaigns')} value={formatCount(overview.campaigns)} icon={<IconSpeakerphone size={20} />} />
          <StatCard label={t('operator.home.users')} value={formatCount(overview.users)} icon={<IconUsers size={20} />} />
        </SimpleGrid>
      )}
    </>
  );
}
