/** Everything about a campaign as it is in force now (effective values), for the agency. */
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { InfoList } from '../../../components/InfoList';
import { MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { formatPeriod, periodDays } from '../../../features/campaigns/period';
import type { AgencyCampaignQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS } from '../../../lib/markets';

type Campaign = NonNullable<AgencyCampaignQuery['campaign']>;

function Paragraphs({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {empty}
    </Text>
  );
}

export function CampaignDetailsCard({ campaign: c, timeZone }: { campaign: Campaign; timeZone: string }) {
  const t = useT();
  const codes = c.targetShopCodes ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-details-title">
      <Title order={2} size="h4" id="campaign-details-title" mb="md">
        {t('campaigns.details.title')}
      </Title>
      <InfoList
        items={[
          { label: t('campaigns.details.market'), value: `${MARKETS[c.market].name} · ${c.currency}` },
          { label: t('campaigns.detail.change.commissionRequirement'), value: <Text fw={600} size="sm">{t('campaigns.details.minimumRate', { rate: formatRate(c.commissionRequirementBps) })}</Text> },
          {
            label: t('campaigns.details.period'),
            value: t('campaigns.details.periodValue', {
              period: formatPeriod(c.campaignStart, c.campaignEnd, timeZone),
              count: periodDays(c.campaignStart, c.campaignEnd),
              days: formatCount(periodDays(c.campaignStart, c.campaignEnd)),
            }),
          },
          { label: t('campaigns.details.registration'), value: formatPeriod(c.registrationStart, c.registrationEnd, timeZone) },
          {
            label: t('campaigns.detail.change.targetingMode'),
            value:
              c.targetingMode === 'OPEN' ? (
                t('campaigns.details.openToMarket')
              ) : (
                <Group gap={4}>
                  <Text size="sm" mr={4}>
                    {t('campaigns.details.selectedShops', { count: codes.length })}
                  </Text>
                  {codes.map((code) => (
                    <Badge key={code} variant="light" color="gray" radius="sm" tt="none" ff="monospace">
                      {code}
                    </Badge>
                  ))}
                </Group>
              ),
          },
          {
            label: t('campaigns.detail.change.targetSellerType'),
            value: c.targetSellerType === 'LOCAL' ? t('campaigns.details.localOnly') : c.targetSellerType === 'CROSS_BORDER' ? t('campaigns.details.crossBorderOnly') : c.targetSellerType ? c.targetSellerType : t('campaigns.detail.anySellerType'),
          },
          {
            label: t('campaigns.detail.change.contact'),
            value: (
              <Text size="sm">
                <Anchor href={`mailto:${c.contact.email}`} size="sm">
                  {c.contact.email}
                </Anchor>
                {c.contact.phone && ` · ${c.contact.phone}`}
                {c.contact.messenger && c.contact.messengerHandle && ` · ${MESSENGER_LABEL[c.contact.messenger]} ${c.contact.messengerHandle}`}
              </Text>
            ),
          },
          { label: t('campaigns.detail.change.description'), value: <Paragraphs text={c.description} empty={t('campaigns.details.noDescription')} /> },
          { label: t('campaigns.detail.change.sellerRequirements'), value: <Paragraphs text={c.sellerRequirements} empty={t('campaigns.details.noneStated')} /> },
          {
            label: t('campaigns.details.history'),
            value: (
              <Text size="sm" c="dimmed">
                {[
                  t('campaigns.details.created', { time: formatDateTime(c.createdAt, timeZone) }),
                  ...(c.firstPublishedAt ? [t('campaigns.details.firstPublished', { time: formatDateTime(c.firstPublishedAt, timeZone) })] : []),
                  ...(c.updatedAt ? [t('campaigns.details.lastChanged', { time: formatDateTime(c.updatedAt, timeZone) })] : []),
                ].join(' · ')}
              </Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
