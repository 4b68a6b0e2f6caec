/** The head of a shared offer: who offers it, the campaign, until when, how many products (creators and the
 * agency's "preview as creator" render the same). */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { formatCount, formatDate } from '../../../lib/format';

export interface OfferHeaderProps {
  offer: { agencyName: string; campaignName: string; campaignEnd: string };
  itemCount: number;
  timeZone: string;
}

export function OfferHeader({ offer, itemCount, timeZone }: OfferHeaderProps) {
  return (
    <Card withBorder radius="lg" padding="lg" component="header">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          Offer from <b data-testid="offer-agency">{offer.agencyName}</b>
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="offer-campaign">
          {offer.campaignName}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="pink" radius="sm" tt="none" leftSection={<IconCalendarEvent size={12} aria-hidden />}>
            Until {formatDate(offer.campaignEnd, timeZone)}
          </Badge>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {formatCount(itemCount)} {itemCount === 1 ? 'product' : 'products'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          The rates are your commission on each paid order through your showcase.
        </Text>
      </Stack>
    </Card>
  );
}
