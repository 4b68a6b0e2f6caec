/**
 * Approved samples of the seller's products to ship, live, with the creator's shipping address (only the
 * seller and the creator can read it; no other creator data). Record each shipment event with carrier and
 * tracking number; the creator and the agency see it at once.
 */
import {
  ActionIcon,
  Alert,
  Avatar,
  Button,
  Card,
  Chip,
  CopyButton,
  Group,
  LoadingOverlay,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconPackage, IconTruckDelivery } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { addressLines, addressText } from '../../../features/samples/address';
import { nextShipmentStatuses, SAMPLE_STATUS, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { HistoryButton } from '../../../features/history/HistoryButton';
import { SampleStatusBadge } from '../../../features/samples/SampleStatusBadge';
import { useFlash } from '../../../features/samples/useFlash';
import { useSampleEvents, type SampleChange } from '../../../features/samples/useSampleEvents';
import {
  SampleShipmentUpdateDocument,
  SellerSampleRequestsDocument,
  type SampleStatus,
  type SellerSampleRequestsQuery,
  type ShipmentStatus,
} from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { MARKETS, marketTimeZone } from '../../../lib/markets';
import { splitUserErrors } from '../../../lib/userErrors';
import { useT } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/catalogues';
import { SampleRoiPanel } from '../../../features/insight/SampleRoiPanel';

const PAGE_SIZE = 20;
/** What sellers see: from the agency's approval on. */
const SELLER_STATUSES: SampleStatus[] = ['APPROVED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE'];
const OPEN_STATUSES: SampleStatus[] = ['APPROVED', 'SHIPPED'];
const FIELDS = ['status', 'carrier', 'trackingNumber', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Row = SellerSampleRequestsQuery['sampleRequests']['edges'][number]['node'];

const SHIPMENT_HINT: Record<ShipmentStatus, MessageKey> = {
  SHIPPED: 'seller.samples.hintShipped',
  IN_TRANSIT: 'seller.samples.hintInTransit',
  DELIVERED: 'seller.samples.hintDelivered',
  FAILED_DELIVERY: 'seller.samples.hintFailed',
  RETURNED: 'seller.samples.hintReturned',
};

function ShipmentDialog({ row, timeZone, onClose }: { row: Row | null; timeZone: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('seller.samples.shipmentOf', { title: row.product?.title ?? t('seller.samples.theSample') }) : ''} centered size="lg">
      {row && <ShipmentForm key={row.id} row={row} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function ShipmentForm({ row, timeZone, onClose }: { row: Row; timeZone: string; onClose: () => void }) {
  const t = useT();
  const options = nextShipmentStatuses(row.status);
  // Shipping is the only next step of an approved sample; later events are chosen explicitly.
  const [status, setStatus] = useState<ShipmentStatus | null>(options.length === 1 ? options[0]! : null);
  const [carrier, setCarrier] = useState(row.carrier ?? '');
  const [tracking, setTracking] = useState(row.trackingNumber ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(SampleShipmentUpdateDocument);

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    if (!status) local.status = t('seller.samples.chooseWhat');
    if (status === 'SHIPPED' && !carrier.trim()) local.carrier = t('seller.samples.enterCarrier');
    if (status === 'SHIPPED' && !tracking.trim()) local.trackingNumber = t('seller.samples.enterTracking');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || !status) return;
    const result = await update({
      input: { id: row.id, status, carrier: carrier.trim() || null, trackingNumber: tracking.trim() || null, note: note.trim() || null },
    });
    if (result.error) return setFormError(describeError(result.error));
    const payload = result.data?.sampleShipmentUpdate;
    if (payload?.userErrors.length) {
      const split = splitUserErrors(payload.userErrors, FIELDS);
      setErrors(split.fieldErrors);
      setFormError(split.formErrors.join(' ') || null);
      return;
    }
    notifications.show({ color: 'teal', title: t('seller.samples.marked', { status }), message: t('seller.samples.markedBody') });
    onClose();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        {options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('seller.samples.nothingLeft', { status: row.status })}
          </Text>
        ) : (
          <Radio.Group label={t('seller.samples.whatHappened')} required value={status} onChange={(v) => setStatus(v as ShipmentStatus)} error={errors.status}>
            <Stack gap="xs" mt={6}>
              {options.map((s) => (
                <Radio key={s} value={s} label={SHIPMENT_STATUS_LABEL[s]} description={t(SHIPMENT_HINT[s])} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('seller.samples.carrier')} placeholder={t('seller.samples.carrierPlaceholder')} required={status === 'SHIPPED'} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} error={errors.carrier} maxLength={80} />
          <TextInput
            label={t('seller.samples.trackingNumber')}
            required={status === 'SHIPPED'}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            error={errors.trackingNumber}
            maxLength={80}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
        <Textarea label={t('seller.samples.note')} description={t('seller.samples.noteHint')} autosize minRows={2} maxRows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={500} />
        {row.shipments.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('seller.samples.history')}
            </Text>
            <Timeline active={row.shipments.length - 1} bulletSize={14} lineWidth={2}>
              {row.shipments.map((s) => (
                <Timeline.Item key={`${s.status}-${s.occurredAt}`} title={SHIPMENT_STATUS_LABEL[s.status]}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(s.occurredAt, timeZone)}
                    {s.trackingNumber ? ` · ${s.carrier ?? ''} ${s.trackingNumber}` : ''}
                    {s.note ? ` · ${s.note}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={fetching}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching} disabled={options.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function countryName(code: string): string {
  return MARKETS[code as keyof typeof MARKETS]?.name ?? code;
}

function AddressCell({ row }: { row: Row }) {
  const t = useT();
  const address = row.shippingAddress;
  if (!address) return <Text size="sm" c="dimmed">—</Text>;
  const lines = addressLines(address, countryName);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text component="address" size="sm" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }} data-testid="shipping-address">
        {lines.join('\n')}
      </Text>
      <CopyButton value={addressText(address, countryName)} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('seller.keys.copied') : t('seller.samples.copyAddress')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('seller.samples.copyAddressFor', { title: row.product?.title ?? t('seller.samples.theSample') })}>
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function SellerSamplesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const statuses = params.has('status') ? (params.getAll('status').filter((s) => (SELLER_STATUSES as string[]).includes(s)) as SampleStatus[]) : OPEN_STATUSES;
  const pager = usePager(statuses.join());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerSampleRequestsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, status: statuses.length ? statuses : SELLER_STATUSES },
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { flashing, flash } = useFlash();
  useSampleEvents(
    useCallback(
      (change: SampleChange | null) => {
        reload();
        if (change) flash(change.id);
      },
      [reload, flash],
    ),
  );
  const [shipping, setShipping] = useState<Row | null>(null);

  const setStatuses = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete('status');
    if (next.length === 0) p.set('status', '');
    next.forEach((s) => p.append('status', s));
    setParams(p, { replace: true });
  };

  const connection = data?.sampleRequests;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title={t('seller.work.toShip')}
        description={t('seller.samples.description')}
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <div role="group" aria-labelledby="seller-sample-filter">
            <Text size="sm" fw={500} id="seller-sample-filter" mb={6}>
              {t('seller.perf.status')}
            </Text>
            <Chip.Group multiple value={statuses} onChange={setStatuses}>
              <Group gap={6}>
                {SELLER_STATUSES.map((s) => (
                  <Chip key={s} value={s} size="xs" variant="outline" color={SAMPLE_STATUS[s].color}>
                    {s === 'APPROVED' ? t('seller.samples.toShip') : SAMPLE_STATUS[s].label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>

          {error && !data ? (
            <ErrorState error={error} onRetry={reload} />
          ) : !data && fetching ? (
            <LoadingState label={t('seller.samples.loading')} />
          ) : rows.length === 0 ? (
            <EmptyBlock
              title={t('seller.samples.none')}
              description={t('seller.samples.noneBody')}
              icon={<IconTruckDelivery aria-hidden />}
            />
          ) : (
            <div style={{ position: 'relative' }}>
              <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              <Table.ScrollContainer minWidth={960}>
                <Table verticalSpacing="md" data-testid="seller-sample-table" styles={{ th: { whiteSpace: 'nowrap' } }}>
                  <VisuallyHidden component="caption">{t('seller.work.toShip')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('seller.catalogue.colProduct')}</Table.Th>
                      <Table.Th scope="col">{t('seller.samples.colShipTo')}</Table.Th>
                      <Table.Th scope="col">{t('seller.perf.status')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('seller.samples.colActions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const tz = marketTimeZone(row.campaign?.market);
                      const title = row.product?.title ?? t('seller.work.product');
                      const canRecord = nextShipmentStatuses(row.status).length > 0;
                      return (
                        <Table.Tr
                          key={row.id}
                          data-testid="seller-sample-row"
                          data-status={row.status}
                          bg={flashing.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined}
                          style={{ transition: 'background-color 600ms ease', verticalAlign: 'top' }}
                        >
                          <Table.Td maw={340}>
                            <Group gap="sm" wrap="nowrap" align="flex-start">
                              <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={44} color="orange">
                                <IconPackage size={18} aria-hidden />
                              </Avatar>
                              <Stack gap={2} style={{ minWidth: 0 }}>
                                <Text size="sm" fw={500} lineClamp={2}>
                                  {title}
                                </Text>
                                <Text size="xs" c="dimmed">
                                  {row.campaign?.name}
                                </Text>
                                <Text size="xs" c="dimmed">
                                  {t('seller.samples.approvedAt', { date: row.reviewedAt ? formatDateTime(row.reviewedAt, tz, { withZone: false }) : '—' })}
                                </Text>
                              </Stack>
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <AddressCell row={row} />
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={4} align="flex-start">
                              <SampleStatusBadge status={row.status} />
                              {row.trackingNumber && (
                                <Text size="xs" c="dimmed" data-testid="tracking">
                                  {row.carrier} · <Text span ff="monospace" inherit>{row.trackingNumber}</Text>
                                </Text>
                              )}
                              {row.shipmentStatus && (
                                <Text size="xs" c="dimmed">
                                  {SHIPMENT_STATUS_LABEL[row.shipmentStatus]}
                                  {row.deliveredAt ? ` ${formatDateTime(row.deliveredAt, tz, { withZone: false })}` : row.shippedAt ? t('seller.samples.shippedAt', { date: formatDateTime(row.shippedAt, tz, { withZone: false }) }) : ''}
                                </Text>
                              )}
                              <HistoryButton title={title} data-testid="sample-history-open" subject="sampleRequest" id={row.id} timeZone={tz} />
                            </Stack>
                          </Table.Td>
                          <Table.Td ta="right">
                            {canRecord && (
                              <Button
                                size="compact-sm"
                                variant={row.status === 'APPROVED' ? 'filled' : 'light'}
                                leftSection={<IconTruckDelivery size={14} aria-hidden />}
                                onClick={() => setShipping(row)}
                                aria-label={row.status === 'APPROVED' ? t('seller.samples.shipTitle', { title }) : t('seller.samples.updateTitle', { title })}
                              >
                                {row.status === 'APPROVED' ? t('seller.samples.ship') : t('seller.samples.update')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <PagerControls
                pager={pager}
                pageSize={PAGE_SIZE}
                shown={rows.length}
                totalCount={connection?.totalCount ?? 0}
                hasNextPage={connection?.pageInfo.hasNextPage ?? false}
                endCursor={connection?.pageInfo.endCursor}
                busy={fetching}
                label={t('seller.samples.pages')}
              />
            </div>
          )}
        </Stack>
      </Card>
      <SampleRoiPanel agency={false} />
      <ShipmentDialog row={shipping} timeZone={marketTimeZone(shipping?.campaign?.market)} onClose={() => setShipping(null)} />
    </>
  );
}
