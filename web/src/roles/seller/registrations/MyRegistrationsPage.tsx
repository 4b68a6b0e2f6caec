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
  const title = row.product?.title ?? 'registration';
  const campaignOver = row.campaign?.status === 'CLOSED';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label="History" withArrow>
        <ActionIcon variant="subtle" color="gray" aria-label={`History of ${title}`} onClick={onHistory}>
          <IconHistory size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${title}`} disabled={campaignOver || !OPEN.includes(row.status)}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {row.status === 'PENDING' && <Menu.Item onClick={onTerms}>Change terms…</Menu.Item>}
          <Menu.Item onClick={onQuota}>Raise sample quota</Menu.Item>
          {row.status === 'PENDING' && (
            <Menu.Item color="red" onClick={onWithdraw}>
              Withdraw
            </Menu.Item>
          )}
          {row.status === 'APPROVED' && (
            <Menu.Item color="orange" onClick={onCancel}>
              Request cancellation…
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

export function MyRegistrationsPage() {
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
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);
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
        title="My registrations"
        description="Your products in partner campaigns. Status changes appear here live, as the agency decides."
        actions={
          <Button component={Link} to="../marketplace" relative="path" variant="light">
            Find campaigns
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm" mb="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="Campaign"
              placeholder="All campaigns"
              clearable
              searchable
              data={campaignOptions.some((o) => o.value === campaignId) || !campaignId ? campaignOptions : [...campaignOptions, { value: campaignId, label: 'This campaign' }]}
              value={campaignId}
              onChange={(v) => setFilter('campaign', v ? [v] : [])}
              w={{ base: '100%', xs: 320 }}
            />
          </Group>
          <div role="group" aria-label="Status">
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
          <LoadingState label="Loading registrations…" />
        ) : rows.length === 0 ? (
          <EmptyBlock
            title={filtered ? 'No registrations match these filters' : 'You have not registered any products yet'}
            description={filtered ? 'Clear a filter to see more.' : 'Find a campaign in the marketplace and register products into it.'}
            icon={<IconPackage aria-hidden />}
          >
            {!filtered && (
              <Button component={Link} to="../marketplace" relative="path" mt="sm">
                Open the marketplace
              </Button>
            )}
          </EmptyBlock>
        ) : (
          <div style={{ position: 'relative' }}>
            <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {isPhone ? (
              <Stack gap={0} component="ul" aria-label="Registrations" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
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
                            {row.totalRateBps !== null ? formatRate(row.totalRateBps) : '—'} · {formatCount(row.sampleQuota ?? 0)} samples
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
                  <VisuallyHidden component="caption">My registrations</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Product</Table.Th>
                      <Table.Th scope="col">Campaign</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Price
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Total rate
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Samples
                      </Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Registered</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
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
                                ads {formatRate(row.shopAdsRateBps)}
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
                                decided {formatDateTime(row.decidedAt, tz, { withZone: false })}
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
              label="Registration pages"
            />
          </div>
        )}
      </Card>

      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title="Withdraw this registration?" centered>
        <Stack>
          <Text size="sm">
            <b>{withdrawing?.product?.title}</b> leaves the review queue. You can register it again while registration is open.
          </Text>
          {dialogError && withdrawing && (
            <Text size="sm" c="red" role="alert">
              {dialogError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              Keep it
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
                  { title: 'Registration withdrawn', message: withdrawing.product?.title ?? '' },
                  () => setWithdrawing(null),
                )
              }
            >
              Withdraw
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CancellationRequestDialog
        title={cancelling ? (cancelling.product?.title ?? 'this product') : null}
        busy={cancelBusy}
        serverError={cancelling ? dialogError : null}
        onClose={() => {
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
            { title: 'Cancellation requested', message: 'The agency decides; you will be notified.' },
            () => setCancelling(null),
          )
        }
      />
      <SampleQuotaDialog
        target={raising ? { title: raising.product?.title ?? 'This product', current: raising.sampleQuota ?? 0 } : null}
        busy={quotaBusy}
        serverError={raising ? dialogError : null}
        onClose={() => {
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
            { title: 'Sample quota raised', message: `${raising.product?.title ?? ''}: ${quota} samples` },
            () => setRaising(null),
          )
        }
      />
      {editing && (
        <TermsEditDialog
          target={{
            id: editing.id,
            title: editing.product?.title ?? 'This product',
            commissionRequirementBps: editing.campaign?.commissionRequirementBps ?? 100,
            totalRateBps: editing.totalRateBps ?? null,
            sampleQuota: editing.sampleQuota ?? null,
            shopAdsRateBps: editing.shopAdsRateBps ?? null,
            contactEmail: editing.contactEmail ?? null,
            contactWhatsapp: editing.contactWhatsapp ?? null,
          }}
          onClose={() => setEditing(null)}
          onSaved={() => {
            notifications.show({ color: 'teal', title: 'Terms changed', message: `${editing.product?.title ?? ''}: still in the review queue, in the same place.` });
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
