/**
 * Every campaign the seller joined with its own figures side by side (paid orders, GMV, the commission it pays), the
 * most active first: the seller's all-campaigns view. Each row reads the campaign's overview (from the rollups, the
 * same query the campaign view uses, so the choice is cached) and reports its paid orders, so the page can open on
 * the campaign with activity.
 */
import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { CampaignPerformanceDocument, type CampaignStatus } from '../../../generated/graphql';
import { formatCount, formatMoneyOrDash } from '../../../lib/format';
import { useT } from '../../../i18n/context';

export interface JoinedCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
}

export function SellerAllCampaigns({
  campaigns,
  activity,
  selectedId,
  onActivity,
  onOpen,
}: {
  campaigns: JoinedCampaign[];
  activity: ReadonlyMap<string, number>;
  selectedId: string | null;
  onActivity: (id: string, paidOrders: number) => void;
  onOpen: (id: string) => void;
}) {
  // Most paid orders first once known; the API's order (newest start first) until then.
  const t = useT();
  const ordered = [...campaigns].sort((a, b) => (activity.get(b.id) ?? -1) - (activity.get(a.id) ?? -1));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="all-campaigns-title" data-testid="all-campaigns">
      <Title order={2} size="h4" id="all-campaigns-title" mb="sm">
        {t('seller.perf.allTitle')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('seller.perf.campaign')}</Table.Th>
              <Table.Th scope="col">{t('seller.perf.status')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('seller.perf.paidOrders')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('seller.perf.gmv')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('seller.perf.commissionYouPay')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((c) => (
              <CampaignRow key={c.id} campaign={c} selected={c.id === selectedId} onActivity={onActivity} onOpen={onOpen} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function CampaignRow({ campaign, selected, onActivity, onOpen }: {
  campaign: JoinedCampaign;
  selected: boolean;
  onActivity: (id: string, paidOrders: number) => void;
  onOpen: (id: string) => void;
}) {
  const [{ data }] = useQuery({ query: CampaignPerformanceDocument, variables: { campaignId: campaign.id } });
  const numbers = data?.campaignPerformance?.numbers;
  const paid = numbers?.paidOrders;
  useEffect(() => {
    if (paid !== undefined) onActivity(campaign.id, paid);
  }, [campaign.id, paid, onActivity]);
  return (
    <Table.Tr data-testid="all-campaigns-row" aria-current={selected || undefined} bg={selected ? 'var(--mantine-color-gray-0)' : undefined}>
      <Table.Td>
        <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(campaign.id)}>
          {campaign.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <CampaignStatusBadge status={campaign.status} />
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="all-campaigns-orders">
        {paid === undefined ? '…' : formatCount(paid)}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {numbers ? formatMoneyOrDash(numbers.gmvEstimated) : '…'}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text span size="sm">{numbers ? formatMoneyOrDash(numbers.sellerPaidEstimated) : '…'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
