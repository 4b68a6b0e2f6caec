/** A shop's trust scorecard where an agency decides about it (reviewing its registrations): each figure with its
 * sample size; the shop itself also sees what would improve it. */
import { Badge, Group, Loader, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ShopScorecardDocument } from '../../generated/graphql';
import { formatRate } from '../../lib/format';

function figure(value: string | null, n: number): string {
  return value === null ? `no data (0)` : `${value} (${n})`;
}

export function ShopScorecardButton({ shopId, shopName }: { shopId: string; shopName: string }) {
  const [opened, setOpened] = useState(false);
  const [{ data, fetching }] = useQuery({ query: ShopScorecardDocument, variables: { id: shopId }, pause: !opened });
  const node = data?.node;
  const card = node && 'scorecard' in node ? node.scorecard : null;
  return (
    <Popover opened={opened} onChange={setOpened} width={300} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton onClick={() => setOpened((o) => !o)} aria-label={`Trust scorecard of ${shopName}`}>
          <Badge variant="light" color="teal" leftSection={<IconShieldCheck size={12} />} style={{ cursor: 'pointer' }}>
            Scorecard
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="shop-scorecard">
        {!card ? (
          fetching ? <Loader size="sm" /> : <Text size="sm">No scorecard.</Text>
        ) : (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {shopName} — last 180 days
            </Text>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">Ships approved samples in</Text>
              <Text size="sm" fw={600}>
                {figure(card.sampleShipping?.hours == null ? null : `${card.sampleShipping.hours} h median`, card.sampleShipping?.sampleSize ?? 0)}
              </Text>
            </Group>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">Asks to cancel</Text>
              <Text size="sm" fw={600}>
                {figure(card.cancellationRequests?.bps == null ? null : formatRate(card.cancellationRequests.bps), card.cancellationRequests?.sampleSize ?? 0)}
              </Text>
            </Group>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">Refunds of creator orders</Text>
              <Text size="sm" fw={600}>
                {figure(card.refunds?.bps == null ? null : formatRate(card.refunds.bps), card.refunds?.sampleSize ?? 0)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              (n): how many samples, registrations or order lines the figure is computed from.
            </Text>
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
