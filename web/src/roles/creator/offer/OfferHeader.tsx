/** The head of a shared offer: who offers it, the campaign, until when, how many products (creators and the
 * agency's "preview as creator" render the same). */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useLocale, useT } from '../../../i18n/context';
import { pluralForm } from '../../../i18n/plural';
import { richT } from '../../../i18n/rich';
import { formatCount, formatDate } from '../../../lib/format';

export interface OfferHeaderProps {
  offer: { agencyName: string; campaignName: string; campaignEnd: string };
  itemCount: number;
  timeZone: string;
}

export function OfferHeader({ offer, itemCount, timeZone }: OfferHeaderProps) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card withBorder radius="lg" padding="lg" component="header">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {richT(t, 'offer.header.from', {}, { agency: <b data-testid="offer-agency">{offer.agencyName}</b> })}
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="offer-campaign">
          {offer.campaignName}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="pink" radius="sm" tt="none" leftSection={<IconCalendarEvent size={12} aria-hidden />}>
            {t('offer.until', { date: formatDate(offer.campaignEnd, timeZone) })}
          </Badge>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {t(pluralForm(locale, itemCount) === 'one' ? 'offer.header.products.one' : 'offer.header.products.other', { shown: formatCount(itemCount) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('offer.header.ratesHint')}
        </Text>
      </Stack>
    </Card>
  );
}
