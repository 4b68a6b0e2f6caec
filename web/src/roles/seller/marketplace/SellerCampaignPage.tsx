/** A marketplace campaign in full: requirements, commission requirement, periods, contact, the agency. */
import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { InfoList } from '../../../components/InfoList';
import { MarketBadge } from '../../../components/MarketBadge';
import { NotFoundBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { StatCard } from '../../../components/StatCard';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { formatPeriod } from '../../../features/campaigns/period';
import { History } from '../../../features/history/HistoryButton';
import { ScorecardCard } from '../../../features/insight/ScorecardPanel';
import { SellerCampaignDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';

function Paragraphs({ text, empty }: { text: string; empty: string }) {
  return (
    <Text size="sm" c={text.trim() ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
      {text.trim() || empty}
    </Text>
  );
}

export function SellerCampaignPage() {
  const { campaignId = '' } = useParams();
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerCampaignDocument, variables: { id: campaignId } });
  useRefetchOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const c = data?.campaign;
  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('seller.campaign.loading') });
  if (pending) return pending;
  if (!c) {
    return <NotFoundBlock title={t('seller.campaign.notAvailable')} description={t('seller.campaign.notAvailableBody')} backLabel={t('seller.campaign.backToMarketplace')} />;
  }

  const tz = marketTimeZone(c.market);
  const p = c.myParticipation;
  const closedReason = c.registrationOpen
    ? null
    : c.status === 'UPCOMING'
      ? t('seller.campaign.opensAt', { date: formatDateTime(c.registrationStart, tz) })
      : c.status === 'CLOSED'
        ? t('seller.campaign.ended')
        : t('seller.campaign.closedAt', { date: formatDateTime(c.registrationEnd, tz) });

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('seller.campaign.breadcrumb')}>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {t('seller.work.marketplace')}
        </Anchor>
        <Text size="sm" truncate maw={360}>
          {c.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.name}
            </Title>
            <CampaignStatusBadge status={c.status} />
          </Group>
          <Group gap="xs">
            <MarketBadge market={c.market} />
            <Text size="sm" c="dimmed">
              {t('seller.campaign.byAgency', { agency: c.agency?.name ?? t('seller.campaign.anAgency') })}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {p?.joined && (
            <Button component={Link} to={`../../registrations?campaign=${encodeURIComponent(c.id)}`} relative="path" variant="default" leftSection={<IconClipboardList size={16} aria-hidden />}>
              {t('seller.campaign.myRegistrations')}
            </Button>
          )}
          <Button
            component={Link}
            to="register"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-disabled={!c.registrationOpen || undefined}
            aria-disabled={!c.registrationOpen || undefined}
            onClick={(e) => !c.registrationOpen && e.preventDefault()}
          >
            {t('seller.campaign.registerProducts')}
          </Button>
        </Group>
      </Group>

      {closedReason && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} mb="lg">
          {closedReason}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="lg">
        <StatCard label={t('seller.campaign.commissionRequirement')} value={<span data-testid="commission-requirement">{formatRate(c.commissionRequirementBps)}</span>} />
        <StatCard label={t('seller.campaign.registrationCloses')} value={<Text fw={700} size="md">{formatDateTime(c.registrationEnd, tz)}</Text>} />
        <StatCard
          label={t('seller.campaign.yourProducts')}
          value={
            p?.joined ? (
              <span data-testid="my-registered">
                {t('seller.work.registered', { shown: formatCount(p.registeredProducts) })}
                <Text span size="sm" c="dimmed" fw={400}>
                  {t('seller.campaign.ongoingPending', { ongoing: formatCount(p.counts.approved), pending: formatCount(p.counts.pending) })}
                </Text>
              </span>
            ) : (
              <Text fw={700} size="md" c="dimmed">
                {t('seller.campaign.notJoined')}
              </Text>
            )
          }
        />
      </SimpleGrid>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="about-title">
            <Title order={2} size="h4" id="about-title" mb="md">
              {t('seller.campaign.about')}
            </Title>
            <InfoList
              items={[
                { label: t('seller.campaign.description'), value: <Paragraphs text={c.description} empty={t('seller.campaign.noDescription')} /> },
                { label: t('seller.campaign.requirements'), value: <Paragraphs text={c.sellerRequirements} empty={t('seller.campaign.noRequirements')} /> },
                {
                  label: t('seller.campaign.commission'),
                  value: t('seller.campaign.commissionRule', { rate: formatRate(c.commissionRequirementBps) }),
                },
                { label: t('seller.campaign.period'), value: formatPeriod(c.campaignStart, c.campaignEnd, tz) },
                { label: t('seller.campaign.registration'), value: formatPeriod(c.registrationStart, c.registrationEnd, tz) },
                {
                  label: t('seller.campaign.whoCanJoin'),
                  value: t('seller.campaign.whoCanJoinValue', { mode: c.targetingMode === 'OPEN' ? 'open' : 'invited', type: c.targetSellerType ?? 'any' }),
                },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="contact-title">
              <Title order={2} size="h4" id="contact-title" mb="md">
                {t('seller.campaign.contact')}
              </Title>
              <InfoList
                items={[
                  { label: t('seller.campaign.email'), value: <Anchor href={`mailto:${c.contact.email}`} size="sm">{c.contact.email}</Anchor> },
                  ...(c.contact.phone ? [{ label: t('seller.campaign.phone'), value: <Anchor href={`tel:${c.contact.phone}`} size="sm">{c.contact.phone}</Anchor> }] : []),
                  ...(c.contact.messenger && c.contact.messengerHandle ? [{ label: MESSENGER_LABEL[c.contact.messenger], value: c.contact.messengerHandle }] : []),
                ]}
              />
            </Card>
            {c.agency && (
              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agency-title">
                <Title order={2} size="h4" id="agency-title" mb="md">
                  {t('seller.campaign.agency')}
                </Title>
                <InfoList
                  items={[
                    { label: t('seller.campaign.name'), value: c.agency.name ?? '—' },
                    ...(c.agency.contactEmail ? [{ label: t('seller.campaign.email'), value: <Anchor href={`mailto:${c.agency.contactEmail}`} size="sm">{c.agency.contactEmail}</Anchor> }] : []),
                    ...(c.agency.website
                      ? [{ label: t('seller.campaign.website'), value: <Anchor href={c.agency.website} target="_blank" rel="noopener noreferrer" size="sm">{c.agency.website.replace(/^https?:\/\//, '')}</Anchor> }]
                      : []),
                  ]}
                />
              </Card>
            )}
            {c.agency && <ScorecardCard id={c.agency.id} name={c.agency.name ?? ''} />}
          </Stack>
        </Grid.Col>
      </Grid>

      {/* The history is the registered seller's, whatever became of its registrations (withdrawn ones too). */}
      {(p?.counts.total ?? 0) > 0 && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="history-title" mt="lg">
          <Title order={2} size="h4" id="history-title">
            {t('history.campaignHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('history.campaignHint')}
          </Text>
          <History subject="campaign" id={c.id} timeZone={tz} />
        </Card>
      )}
    </>
  );
}
