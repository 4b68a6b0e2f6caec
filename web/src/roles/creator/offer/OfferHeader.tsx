/** The head of a shared offer: who offers it, the campaign, until when, how many products (creators and the
 * agency's "preview as creator" render the same). */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { formatCount, formatDate } from '../../../lib/format';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

export interface OfferHeaderProps {
  offer: { agencyName: string; campaignName: string; campaignEnd: string };
  itemCount: number;
  timeZone: string;
}

export function OfferHeader({ offer, itemCount, timeZone }: OfferHeaderProps) {
  const t = useT();
  return (
    <Card withBorder radius="lg" padding="lg" component="header">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {richT(t, 'offers.header.from', {}, { agency: <b data-testid="offer-agency">{offer.agencyName}</b> })}
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="offer-campaign">
          {offer.campaignName}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="pink" radius="sm" tt="none" leftSection={<IconCalendarEvent size={12} aria-hidden />}>
            {t('offers.until', { date: formatDate(offer.campaignEnd, timeZone) })}
          </Badge>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {t('offers.header.products', { count: itemCount, shown: formatCount(itemCount) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('offers.header.ratesAre')}
        </Text>
      </Stack>
    </Card>
  );
}
