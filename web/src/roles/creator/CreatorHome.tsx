import { Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconUserCircle } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { CreatorHomeDocument } from '../../generated/graphql';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { categoryLabel } from '../../features/registrations/categoryOptions';
import { RecentNotificationsCard } from '../../features/notifications/RecentNotificationsCard';
import { formatCompact, formatCount } from '../../lib/format';
import { marketName } from '../../lib/markets';
import { initials } from '../../lib/text';
import { useRefetchOnReconnect } from '../../session/context';
import { useLocale, useT } from '../../i18n/context';
import { pluralForm } from '../../i18n/plural';
import { CreatorWorkplace } from './home/CreatorWorkplace';
import { PasteLinkCard } from './PasteLinkCard';

export function CreatorHome() {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CreatorHomeDocument });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const creator = data?.viewer?.creator;
  const name = creator?.displayName || creator?.handle || '';
  const categories = creator?.categories ?? [];

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('creator.home.loading') });
  return (
    <Stack gap="md">
      <CreatorWorkplace />
      <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="creator-profile-title">
        {pending ? pending : !creator ? (
          <EmptyBlock title={t('creator.home.noProfile')} description={t('creator.home.noProfileHint')} icon={<IconUserCircle aria-hidden />} />
        ) : (
          <Stack gap="md">
            <Group gap="md" wrap="nowrap" align="center">
              <Avatar src={creator.avatarUrl} alt="" size={72} radius="xl" color="pink">
                {initials(name)}
              </Avatar>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Title order={1} size="h3" id="creator-profile-title" lineClamp={2}>
                  {name}
                </Title>
                {creator.handle && (
                  <Text c="dimmed" size="sm" data-testid="creator-handle">
                    @{creator.handle}
                  </Text>
                )}
                <Group gap={4} wrap="nowrap">
                  <IconMapPin size={14} aria-hidden color="var(--mantine-color-dimmed)" />
                  <Text size="xs" c="dimmed">
                    {marketName(creator.market)}
                  </Text>
                </Group>
              </Stack>
            </Group>

            <Group gap="xl">
              <Stack gap={0}>
                <Text
                  fw={700}
                  fz="xl"
                  title={creator.followers === null ? undefined : t(pluralForm(locale, creator.followers) === 'one' ? 'creator.home.followersTitle.one' : 'creator.home.followersTitle.other', {
                          shown: formatCount(creator.followers),
                        })}
                  data-testid="creator-followers"
                >
                  {creator.followers === null ? '—' : formatCompact(creator.followers)}
                </Text>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t('creator.home.followers')}
                </Text>
              </Stack>
            </Group>

            {creator.bio && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {creator.bio}
              </Text>
            )}

            <Stack gap={6}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} id="creator-categories-label">
                {t('creator.home.categories')}
              </Text>
              {categories.length === 0 ? (
                <Text size="sm" c="dimmed">{t('creator.home.noCategories')}</Text>
              ) : (
                <Group gap={6} role="list" aria-labelledby="creator-categories-label">
                  {categories.map((c) => (
                    <Badge key={c} variant="light" color="pink" tt="none" role="listitem">
                      {categoryLabel(t, c)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Stack>
        )}
      </Card>
      <PasteLinkCard />
      <RecentNotificationsCard allHref="/creator/notifications" />
    </Stack>
  );
}
