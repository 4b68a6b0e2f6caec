/**
 * The seller's registrations across campaigns, live: status changes arrive through the subscription and
 * refetch the visible page. Withdraw (pending), request cancellation (ongoing), raise the sample quota,
 * and each registration's history.
 */
import {
  ActionIcon,
  Avatar,
  Button,
  Card,
  Chip,
  Group,
  LoadingOverlay,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconHistory, IconPackage } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { RegistrationHistoryDrawer } from '../../../features/registrations/RegistrationHistoryDrawer';
import { REGISTRATION_STATUS, REGISTRATION_STATUSES } from '../../../features/registrations/registrationStatus';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { REJECT_REASON_LABEL } from '../../../features/registrations/rejectReasons';
import { useRegistrationEvents, type RegistrationStatusChange } from '../../../features/registrations/useRegistrationEvents';
import {
  RegistrationCancellationRequestDocument,
  RegistrationSampleQuotaIncreaseDocument,
  RegistrationWithdrawDocument,
  SellerMarketplaceDocument,
  SellerRegistrationsDocument,
  type RegistrationStatus,
  type SellerRegistrationsQuery,
} from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { CancellationRequestDialog } from './CancellationRequestDialog';
import { SampleQuotaDialog } from './SampleQuotaDialog';
import { TermsEditDialog } from './TermsEditDialog';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

const PAGE_SIZE = 20;
const FLASH_MS = 4_000;
const OPEN: RegistrationStatus[] = ['PENDING', 'APPROVED', 'PENDING_CLOSED'];

type Row = SellerRegistrationsQuery['registrations']['edges'][number]['node'];

function RowActions({
  row,
  onWithdraw,
  onCancel,
  onQuota,
  onTerms,
  onHistory,
}: {
  row: Row;
  onWithdraw: () => void;
  onCancel: () => void;
  onQuota: () => void;
  onTerms: () => void;
  onHistory: () => void;
}) {
  const t = useT();
  const title = row.product?.title ?? t('seller.regs.registration');
  const campaignOver = row.campaign?.status === 'CLOSED';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={t('seller.samples.history')} withArrow>
        <ActionIcon variant="subtle" color="gray" aria-label={t('seller.regs.historyOf', { title })} onClick={onHistory}>
          <IconHistory size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('seller.regs.actionsFor', { title })} data-row-actions={row.id} disabled={campaignOver || !OPEN.includes(row.status)}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {row.status === 'PENDING' && <Menu.Item onClick={onTerms}>{t('seller.regs.changeTerms')}</Menu.Item>}
          <Menu.Item onClick={onQuota}>{t('seller.regs.raiseQuota')}</Menu.Item>
          {row.status === 'PENDING' && (
            <Menu.Item color="red" onClick={onWithdraw}>
              {t('seller.regs.withdraw')}
            </Menu.Item>
          )}
          {row.status === 'APPROVED' && (
            <Menu.Item color="orange" onClick={onCancel}>
              {t('seller.regs.requestCancellation')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function ReasonLine({ row }: { row: Row }) {
  if (!row.rejectReason) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={2}>
      {REJECT_REASON_LABEL[row.rejectReason]}
      {row.rejectNote ? `: ${row.rejectNote}` : ''}
    </Text>
  );
}

/**
 * A dialog opened from a row's menu gives the keyboard focus back to that row's menu button when it closes: the
 * menu item that opened it is gone by then, and the focus would otherwise fall to the top of the page.
 */
function focusRowActions(row: { id: string } | null) {
  if (!row) return;
  window.setTimeout(() => document.querySelector<HTMLElement>(`[data-row-actions="${CSS.escape(row.id)}"]`)?.focus(), 0);
}

export function MyRegistrationsPage() {
  const t = useT();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const statuses = params.getAll('status').filter((s): s is RegistrationStatus => (REGISTRATION_STATUSES as string[]).includes(s));
  const setFilter = (key: string, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    values.forEach((v) => next.append(key, v));
    setParams(next, { replace: true });
  };

  const filter = { campaignId, status: statuses.length ? statuses : null };
  const pager = usePager(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SellerRegistrationsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, filter, sort: { field: 'REGISTERED_AT', direction: 'DESC' } },
  });
  const [{ data: campaignsData }] = useQuery({ query: SellerMarketplaceDocument, variables: { first: 100, filter: { joined: true } } });
  const rows = data?.registrations.edges.map((e) => e.node) ?? [];
  const connection = data?.registrations;

  // Live: refetch on every change of this seller's registrations; flash the changed row.
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef<number[]>([]);
  useEffect(() => () => timers.current.forEach((id) => window.clearTimeout(id)), []);
  const onEvent = useCallback(
    (change: RegistrationStatusChange | null) => {
      refetch({ requestPolicy: 'network-only' });
      const id = change?.registration?.id;
      if (!id) return;
      setFlash((f) => new Set(f).add(id));
      timers.current.push(
        window.setTimeout(
          () =>
            setFlash((f) => {
              const next = new Set(f);
              next.delete(id);
              return next;
            }),
          FLASH_MS,
        ),
      );
    },
    [refetch],
  );
  useRegistrationEvents(onEvent);

  const [withdrawing, setWithdrawing] = useState<Row | null>(null);
  const [cancelling, setCancelling] = useState<Row | null>(null);
  const [raising, setRaising] = useState<Row | null>(null);
  const [historyOf, setHistoryOf] = useState<Row | null>(null);
  const [editing, setEditing] = useState<Row | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [{ fetching: withdrawBusy }, withdraw] = useMutation(RegistrationWithdrawDocument);
  const [{ fetching: cancelBusy }, requestCancellation] = useMutation(RegistrationCancellationRequestDocument);
  const [{ fetching: quotaBusy }, raiseQuota] = useMutation(RegistrationSampleQuotaIncreaseDocument);

  /** Runs a mutation; on success shows a toast and closes the dialog, on failure keeps it open with the error. */
  const run = async (
    mutate: () => Promise<{ error?: Parameters<typeof describeError>[0]; problem?: string | null }>,
    success: { title: string; message: string },
    close: () => void,
  ) => {
    const { error: err, problem } = await mutate();
    const message = err ? describeError(err) : problem;
    if (message) {
      setDialogError(message);
      return;
    }
    setDialogError(null);
    close();
    notifications.show({ color: 'teal', ...success });
    refetch({ requestPolicy: 'network-only' });
  };

  const campaignOptions = (campaignsData?.campaigns.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
  const filtered = statuses.length > 0 || campaignId !== null;

  return (
    <>
      <PageHeader
        title={t('seller.campaign.myRegistrations')}
        description={t('seller.regs.description')}
        actions={
          <Button component={Link} to="../marketplace" relative="path" variant="light">
            {t('seller.perf.find')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm" mb="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('seller.perf.campaign')}
              placeholder={t('seller.regs.allCampaigns')}
              clearable
              searchable
              data={campaignOptions.some((o) => o.value === campaignId) || !campaignId ? campaignOptions : [...campaignOptions, { value: campaignId, label: t('seller.regs.thisCampaign') }]}
              value={campaignId}
              onChange={(v) => setFilter('campaign', v ? [v] : [])}
              w={{ base: '100%', xs: 320 }}
            />
          </Group>
          <div role="group" aria-label={t('seller.perf.status')}>
            <Chip.Group multiple value={statuses} onChange={(v) => setFilter('status', v)}>
              <Group gap={6}>
                {REGISTRATION_STATUSES.map((s) => (
                  <Chip key={s} value={s} size="xs" variant="outline" color={REGISTRATION_STATUS[s].color}>
                    {REGISTRATION_STATUS[s].label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
        </Stack>

        {error && !data ? (
          <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data && fetching ? (
          <LoadingState label={t('seller.regs.loading')} />
        ) : rows.length === 0 ? (
          <EmptyBlock
            title={filtered ? t('seller.regs.noMatch') : t('seller.regs.none')}
            description={filtered ? t('seller.orders.noMatchBody') : t('seller.regs.noneBody')}
            icon={<IconPackage aria-hidden />}
          >
            {!filtered && (
              <Button component={Link} to="../marketplace" relative="path" mt="sm">
                {t('seller.regs.openMarketplace')}
              </Button>
            )}
          </EmptyBlock>
        ) : (
          <div style={{ position: 'relative' }}>
            <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {isPhone ? (
              <Stack gap={0} component="ul" aria-label={t('seller.regs.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {rows.map((row) => (
                  <li
                    key={row.id}
                    data-testid="my-registration-row"
                    data-status={row.status}
                    style={{
                      padding: 'var(--mantine-spacing-sm) 0',
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                      background: flash.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined,
                      transition: 'background-color 600ms ease',
                    }}
                  >
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600} lineClamp={2}>
                          {row.product?.title}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {row.campaign?.name}
                        </Text>
                        <Group gap="xs" mt={4}>
                          <RegistrationStatusBadge status={row.status} />
                          <Text size="xs" c="dimmed">
                            {t('seller.regs.rateSamples', { rate: row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—', count: row.sampleQuota ?? 0, shown: formatCount(row.sampleQuota ?? 0) })}
                          </Text>
                        </Group>
                        <ReasonLine row={row} />
                      </Stack>
                      <RowActions
                        row={row}
                        onWithdraw={() => setWithdrawing(row)}
                        onCancel={() => setCancelling(row)}
                        onQuota={() => setRaising(row)}
                        onTerms={() => setEditing(row)}
                        onHistory={() => setHistoryOf(row)}
                      />
                    </Group>
                  </li>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing="sm" highlightOnHover data-testid="my-registration-table" aria-busy={fetching} styles={{ th: { whiteSpace: 'nowrap' } }}>
                  <VisuallyHidden component="caption">{t('seller.campaign.myRegistrations')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('seller.catalogue.colProduct')}</Table.Th>
                      <Table.Th scope="col">{t('seller.perf.campaign')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('seller.catalogue.colPrice')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('seller.orders.colTotalRate')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('seller.regs.colSamples')}
                      </Table.Th>
                      <Table.Th scope="col">{t('seller.perf.status')}</Table.Th>
                      <Table.Th scope="col">{t('seller.regs.colRegistered')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('seller.samples.colActions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const tz = marketTimeZone(row.campaign?.market ?? null);
                      return (
                        <Table.Tr
                          key={row.id}
                          data-testid="my-registration-row"
                          data-status={row.status}
                          bg={flash.has(row.id) ? 'var(--mantine-color-yellow-light)' : undefined}
                          style={{ transition: 'background-color 600ms ease' }}
                        >
                          <Table.Td maw={300}>
                            <Group gap="sm" wrap="nowrap">
                              <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={36} color="orange">
                                <IconPackage size={16} aria-hidden />
                              </Avatar>
                              <Text size="sm" fw={500} lineClamp={2}>
                                {row.product?.title}
                              </Text>
                            </Group>
                          </Table.Td>
                          <Table.Td maw={240}>
                            {row.campaign ? (
                              <Text component={Link} to={`../marketplace/${row.campaign.id}`} relative="path" size="sm" c="indigo" lineClamp={2}>
                                {row.campaign.name}
                              </Text>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                            {formatMoneyOrDash(row.product?.price)}
                          </Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—'}
                            {row.shopAdsRateBps !== null && (
                              <Text size="xs" c="dimmed">
                                {t('seller.regs.ads', { rate: formatRate(row.shopAdsRateBps) })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {formatCount(row.sampleQuota ?? 0)}
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={2} align="flex-start">
                              <RegistrationStatusBadge status={row.status} />
                              <ReasonLine row={row} />
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatDateTime(row.registeredAt, tz, { withZone: false })}
                            </Text>
                            {row.decidedAt && (
                              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                {t('seller.regs.decidedAt', { date: formatDateTime(row.decidedAt, tz, { withZone: false }) })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <RowActions
                              row={row}
                              onWithdraw={() => setWithdrawing(row)}
                              onCancel={() => setCancelling(row)}
                              onQuota={() => setRaising(row)}
                              onTerms={() => setEditing(row)}
                              onHistory={() => setHistoryOf(row)}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <PagerControls
              pager={pager}
              pageSize={PAGE_SIZE}
              shown={rows.length}
              totalCount={connection?.totalCount ?? 0}
              hasNextPage={connection?.pageInfo.hasNextPage ?? false}
              endCursor={connection?.pageInfo.endCursor}
              busy={fetching}
              label={t('seller.regs.pages')}
            />
          </div>
        )}
      </Card>

      <Modal
        opened={withdrawing !== null}
        onClose={() => {
          focusRowActions(withdrawing);
          setWithdrawing(null);
        }} title={t('seller.regs.withdrawTitle')} centered>
        <Stack>
          <Text size="sm">{richT(t, 'seller.regs.withdrawBody', {}, { title: <b>{withdrawing?.product?.title}</b> })}</Text>
          {dialogError && withdrawing && (
            <Text size="sm" c="red" role="alert">
              {dialogError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('seller.cancelRequest.keep')}
            </Button>
            <Button
              color="red"
              loading={withdrawBusy}
              onClick={() =>
                withdrawing &&
                void run(
                  async () => {
                    const r = await withdraw({ input: { id: withdrawing.id } });
                    return { error: r.error, problem: r.data?.registrationWithdraw.userErrors[0]?.message };
                  },
                  { title: t('seller.regs.withdrawn'), message: withdrawing.product?.title ?? '' },
                  () => setWithdrawing(null),
                )
              }
            >
              {t('seller.regs.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CancellationRequestDialog
        title={cancelling ? (cancelling.product?.title ?? t('seller.regs.thisProduct')) : null}
        busy={cancelBusy}
        serverError={cancelling ? dialogError : null}
        onClose={() => {
          focusRowActions(cancelling);
          setCancelling(null);
          setDialogError(null);
        }}
        onSend={(reason) =>
          cancelling &&
          void run(
            async () => {
              const r = await requestCancellation({ input: { id: cancelling.id, reason } });
              return { error: r.error, problem: r.data?.registrationCancellationRequest.userErrors[0]?.message };
            },
            { title: t('seller.regs.cancellationRequested'), message: t('seller.regs.cancellationRequestedBody') },
            () => setCancelling(null),
          )
        }
      />
      <SampleQuotaDialog
        target={raising ? { title: raising.product?.title ?? t('seller.regs.thisProductCap'), current: raising.sampleQuota ?? 0 } : null}
        busy={quotaBusy}
        serverError={raising ? dialogError : null}
        onClose={() => {
          focusRowActions(raising);
          setRaising(null);
          setDialogError(null);
        }}
        onSave={(quota) =>
          raising &&
          void run(
            async () => {
              const r = await raiseQuota({ input: { id: raising.id, sampleQuota: quota } });
              return { error: r.error, problem: r.data?.registrationSampleQuotaIncrease.userErrors[0]?.message };
            },
            { title: t('seller.regs.quotaRaised'), message: t('seller.regs.quotaRaisedBody', { title: raising.product?.title ?? '', count: quota, shown: formatCount(quota) }) },
            () => setRaising(null),
          )
        }
      />
      {editing && (
        <TermsEditDialog
          target={{
            id: editing.id,
            title: editing.product?.title ?? t('seller.regs.thisProductCap'),
            commissionRequirementBps: editing.campaign?.commissionRequirementBps ?? 100,
            totalRateBps: editing.totalRateBps ?? null,
            sampleQuota: editing.sampleQuota ?? null,
            shopAdsRateBps: editing.shopAdsRateBps ?? null,
            contactEmail: editing.contactEmail ?? null,
            contactWhatsapp: editing.contactWhatsapp ?? null,
          }}
          onClose={() => {
            focusRowActions(editing);
            setEditing(null);
          }}
          onSaved={() => {
            focusRowActions(editing);
            notifications.show({ color: 'teal', title: t('seller.regs.termsChanged'), message: t('seller.regs.termsChangedBody', { title: editing.product?.title ?? '' }) });
            setEditing(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <RegistrationHistoryDrawer
        registrationId={historyOf?.id ?? null}
        title={historyOf?.product?.title ?? ''}
        timeZone={marketTimeZone(historyOf?.campaign?.market ?? null)}
        onClose={() => setHistoryOf(null)}
      />
    </>
  );
}
