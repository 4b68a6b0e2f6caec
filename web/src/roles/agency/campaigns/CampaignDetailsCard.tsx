/** Everything about a campaign as it is in force now (effective values), for the agency. */
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { InfoList } from '../../../components/InfoList';
import { MESSENGER_LABEL } from '../../../features/campaigns/marketMessenger';
import { formatPeriod, periodDays } from '../../../features/campaigns/period';
import type { AgencyCampaignQuery } from '../../../generated/graphql';
import { formatDateTime, formatRate } from '../../../lib/format';
import { MARKETS } from '../../../lib/markets';
import { sellerTypeLabel } from '../../../lib/text';

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
  const codes = c.targetShopCodes ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-details-title">
      <Title order={2} size="h4" id="campaign-details-title" mb="md">
        Campaign details
      </Title>
      <InfoList
        items={[
          { label: 'Market', value: `${MARKETS[c.market].name} · ${c.currency}` },
          { label: 'Commission requirement', value: <Text fw={600} size="sm">{formatRate(c.commissionRequirementBps)} minimum total rate</Text> },
          {
            label: 'Campaign period',
            value: `${formatPeriod(c.campaignStart, c.campaignEnd, timeZone)} (${periodDays(c.campaignStart, c.campaignEnd)} days)`,
          },
          { label: 'Registration', value: formatPeriod(c.registrationStart, c.registrationEnd, timeZone) },
          {
            label: 'Targeting',
            value:
              c.targetingMode === 'OPEN' ? (
                'Open to every seller of the market'
              ) : (
                <Group gap={4}>
                  <Text size="sm" mr={4}>
                    {codes.length} selected {codes.length === 1 ? 'shop' : 'shops'}:
                  </Text>
                  {codes.map((code) => (
                    <Badge key={code} variant="light" color="gray" radius="sm" tt="none" ff="monospace">
                      {code}
                    </Badge>
                  ))}
                </Group>
              ),
          },
          { label: 'Seller type', value: c.targetSellerType ? `${sellerTypeLabel(c.targetSellerType)}s only` : 'Any seller type' },
          {
            label: 'Contact',
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
          { label: 'Description', value: <Paragraphs text={c.description} empty="No description" /> },
          { label: 'Seller requirements', value: <Paragraphs text={c.sellerRequirements} empty="None stated" /> },
          {
            label: 'History',
            value: (
              <Text size="sm" c="dimmed">
                Created {formatDateTime(c.createdAt, timeZone)}
                {c.firstPublishedAt && ` · first published ${formatDateTime(c.firstPublishedAt, timeZone)}`}
                {c.updatedAt && ` · last changed ${formatDateTime(c.updatedAt, timeZone)}`}
              </Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
