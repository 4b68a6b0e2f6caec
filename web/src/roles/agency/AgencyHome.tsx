import { Anchor, Button, Card, Grid, Group, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useQuery } from 'urql';
import { AgencyHomeDocument } from '../../generated/graphql';
import { InfoList } from '../../components/InfoList';
import { MarketBadge } from '../../components/MarketBadge';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { RecentNotificationsCard } from '../../features/notifications/RecentNotificationsCard';
import { useT } from '../../i18n/context';
import { useRefetchOnReconnect, useViewer } from '../../session/context';
import { AgencyWorkplace } from './home/AgencyWorkplace';

const MarketsServedDialog = lazy(() => import('./home/MarketsServedDialog').then((m) => ({ default: m.MarketsServedDialog })));

export function AgencyHome() {
  const viewer = useViewer();
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyHomeDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const agency = data?.viewer?.agency;
  const markets = agency?.markets ?? [];
  const [editingMarkets, setEditingMarkets] = useState(false);

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('agencyHome.loadingProfile') });
  return (
    <>
      <PageHeader title={t('agencyHome.welcome', { name: viewer.user.fullName })} description={t('agencyHome.description')} />
      <AgencyWorkplace />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agency-profile-title">
            <Title order={2} size="h4" id="agency-profile-title" mb="md">
              {t('agencyHome.profile')}
            </Title>
            {pending ? pending : !agency ? (
              <EmptyBlock title={t('agencyHome.noProfile')} description={t('agencyHome.noProfileHelp')} icon={<IconBuildingStore aria-hidden />} />
            ) : (
              <InfoList
                items={[
                  { label: t('agencyHome.name'), value: <Text fw={600} data-testid="agency-name">{agency.name ?? viewer.organisation.name}</Text> },
                  {
                    label: t('agencyHome.markets'),
                    value: (
                      <Group gap={6} data-testid="markets-served">
                        {markets.length === 0 ? (
                          <Text c="dimmed" size="sm">{t('agencyHome.noneYet')}</Text>
                        ) : (
                          markets.map((m) => <MarketBadge key={m} market={m} />)
                        )}
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditingMarkets(true)}>
                          {t('agencyHome.changeMarkets')}
                        </Button>
                      </Group>
                    ),
                  },
                  {
                    label: t('agencyHome.email'),
                    value: agency.contactEmail ? (
                      <Anchor href={`mailto:${agency.contactEmail}`} size="sm">
                        {agency.contactEmail}
                      </Anchor>
                    ) : (
                      <Text c="dimmed" size="sm">{t('agencyHome.notSet')}</Text>
                    ),
                  },
                  {
                    label: t('agencyHome.website'),
                    value: agency.website ? (
                      <Anchor href={agency.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {agency.website.replace(/^https?:\/\//, '')}
                      </Anchor>
                    ) : (
                      <Text c="dimmed" size="sm">{t('agencyHome.notSet')}</Text>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RecentNotificationsCard allHref="/agency/notifications" />
        </Grid.Col>
      </Grid>
      {editingMarkets && (
        <Suspense fallback={null}>
          <MarketsServedDialog current={markets} onClose={() => setEditingMarkets(false)} />
        </Suspense>
      )}
    </>
  );
}
