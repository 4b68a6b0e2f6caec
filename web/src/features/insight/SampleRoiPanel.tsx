/**
 * Sample-to-revenue ROI of one campaign, where samples are decided (docs/roi.md): what shipped samples brought in
 * orders, GMV and commission against their cost at the product's price — for the campaign, per product and (for
 * agencies) per creator. A seller sees its own products only, never a creator.
 */
import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { EmptyBlock, LoadingState } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { StatCard } from '../../components/StatCard';
import { SampleRoiCampaignsDocument, SampleRoiDocument, type RoiFigureFieldsFragment } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { formatMoney, formatMoneyOrDash } from '../../lib/format';
import { costMultiple, roiCampaigns } from './sampleRoi';

function FiguresRow({ label, f, agency }: { label: string; f: RoiFigureFieldsFragment; agency: boolean }) {
  const t = useT();
  return (
    <Table.Tr data-testid="roi-row">
      <Table.Th scope="row" fw={500}>
        {label}
      </Table.Th>
      <Table.Td ta="right">{f.samplesShipped}</Table.Td>
      <Table.Td ta="right">{f.samplesWithContent}</Table.Td>
      <Table.Td ta="right">{f.orders}</Table.Td>
      <Table.Td ta="right">{formatMoney(f.gmv)}</Table.Td>
      <Table.Td ta="right">{formatMoneyOrDash(agency ? f.agencyCommission : f.sellerCommission)}</Table.Td>
      <Table.Td ta="right">{formatMoney(f.sampleCost)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {costMultiple(f.gmvPerCostBps, t)}
      </Table.Td>
    </Table.Tr>
  );
}

function FiguresTable({ caption, first, rows, agency }: { caption: string; first: string; rows: { key: string; label: string; f: RoiFigureFieldsFragment }[]; agency: boolean }) {
  const t = useT();
  return (
    // A focusable, labelled region: on a phone the table scrolls sideways, and keyboard users must reach it.
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top" miw={720}>
        <Table.Caption ta="left">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{first}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.shipped')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.withContent')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.orders')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.gmv')}</Table.Th>
            <Table.Th scope="col" ta="right">{agency ? t('roi.agencyCommission') : t('roi.sellerCommission')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.sampleCost')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('roi.gmvPerCost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <FiguresRow key={r.key} label={r.label} f={r.f} agency={agency} />
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function SampleRoiPanel({ agency }: { agency: boolean }) {
  const t = useT();
  const [choices] = useQuery({ query: SampleRoiCampaignsDocument });
  const campaigns = roiCampaigns(choices.data?.sampleRequests.edges.map((e) => e.node) ?? []);
  const [chosen, setChosen] = useState<string | null>(null);
  const campaignId = chosen ?? campaigns[0]?.id ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SampleRoiDocument,
    variables: { campaignId: campaignId ?? '' },
    pause: campaignId === null,
  });
  const roi = data?.sampleRoi;
  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('roi.loading') });
  return (
    <Card withBorder radius="md" padding="lg" mt="lg" component="section" aria-labelledby="sample-roi-title" data-testid="sample-roi">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="sample-roi-title">
              {t('roi.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              {agency ? t('roi.introAgency') : t('roi.introSeller')}
            </Text>
          </div>
          {campaigns.length > 0 && (
            <Select
              label={t('roi.campaign')}
              data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
              value={campaignId}
              onChange={setChosen}
              allowDeselect={false}
              w={280}
            />
          )}
        </Group>
        {choices.fetching && !choices.data ? (
          <LoadingState label={t('roi.loading')} />
        ) : campaignId === null ? (
          <EmptyBlock title={t('roi.noSamples')} description={t('roi.noSamplesHelp')} />
        ) : pending ? (
          pending
        ) : !roi ? (
          <EmptyBlock title={t('roi.noSamples')} description={t('roi.noSamplesHelp')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <StatCard label={t('roi.shippedOf', { approved: roi.total.samplesApproved })} value={roi.total.samplesShipped} />
              <StatCard label={t('roi.gmv')} value={formatMoney(roi.total.gmv)} />
              <StatCard label={t('roi.sampleCost')} value={formatMoney(roi.total.sampleCost)} />
              <StatCard label={t('roi.gmvPerCost')} value={<span data-testid="roi-campaign-multiple">{costMultiple(roi.total.gmvPerCostBps, t)}</span>} />
            </SimpleGrid>
            <FiguresTable
              caption={t('roi.byProduct')}
              first={t('roi.product')}
              agency={agency}
              rows={roi.byProduct.map((r, i) => ({ key: r.product?.id ?? String(i), label: r.product?.title ?? t('roi.unknown'), f: r.figures }))}
            />
            {agency && roi.byCreator && (
              <FiguresTable
                caption={t('roi.byCreator')}
                first={t('roi.creator')}
                agency={agency}
                rows={roi.byCreator.map((r, i) => ({
                  key: r.creator?.id ?? String(i),
                  label: r.creator ? `${r.creator.displayName} (@${r.creator.handle})` : t('roi.unknown'),
                  f: r.figures,
                }))}
              />
            )}
            <Text size="xs" c="dimmed">
              {t('roi.footnote')}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

