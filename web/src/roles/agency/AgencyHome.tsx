import { Anchor, Card, Grid, Group, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { AgencyHomeDocument } from '../../generated/graphql';
import { InfoList } from '../../components/InfoList';
import { MarketBadge } from '../../components/MarketBadge';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import { RecentNotificationsCard } from '../../features/notifications/RecentNotificationsCard';
import { useRefetchOnReconnect, useViewer } from '../../session/context';
import { AgencyWorkplace } from './home/AgencyWorkplace';

export function AgencyHome() {
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyHomeDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const agency = data?.viewer?.agency;
  const markets = agency?.markets ?? [];

  return (
    <>
      <PageHeader title={`Welcome, ${viewer.user.fullName}`} description="What waits for you today, and how your campaigns are doing." />
      <AgencyWorkplace />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agency-profile-title">
            <Title order={2} size="h4" id="agency-profile-title" mb="md">
              Organisation profile
            </Title>
            {error && !data ? (
              <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
            ) : fetching && !data ? (
              <LoadingState label="Loading profile…" />
            ) : !agency ? (
              <EmptyBlock title="No agency profile" description="This organisation has no agency profile yet." icon={<IconBuildingStore aria-hidden />} />
            ) : (
              <InfoList
                items={[
                  { label: 'Name', value: <Text fw={600} data-testid="agency-name">{agency.name ?? viewer.organisation.name}</Text> },
                  {
                    label: 'Markets served',
                    value:
                      markets.length === 0 ? (
                        <Text c="dimmed" size="sm">None yet</Text>
                      ) : (
                        <Group gap={6}>
                          {markets.map((m) => (
                            <MarketBadge key={m} market={m} />
                          ))}
                        </Group>
                      ),
                  },
                  {
                    label: 'Contact email',
                    value: agency.contactEmail ? (
                      <Anchor href={`mailto:${agency.contactEmail}`} size="sm">
                        {agency.contactEmail}
                      </Anchor>
                    ) : (
                      <Text c="dimmed" size="sm">Not set</Text>
                    ),
                  },
                  {
                    label: 'Website',
                    value: agency.website ? (
                      <Anchor href={agency.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {agency.website.replace(/^https?:\/\//, '')}
                      </Anchor>
                    ) : (
                      <Text c="dimmed" size="sm">Not set</Text>
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
    </>
  );
}
