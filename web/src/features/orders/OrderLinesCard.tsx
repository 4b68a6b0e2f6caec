/**
 * The order-lines card of the agency's and the seller's order screens: title and live note, the filters, then
 * the error, loading or empty state, or the table (children) under a loading overlay with its pager.
 */
import { Avatar, Card, Group, LoadingOverlay, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { IconPackage, IconReceipt } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ConnectionPager, type PagedConnection } from '../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/QueryState';
import type { Pager } from '../../components/usePager';
import { formatMoneyOrDash } from '../../lib/format';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export interface OrderLinesCardProps {
  titleId: string;
  title: string;
  liveNote: string;
  filters: ReactNode;
  /** The page of lines, as useOrderLineList returns it. */
  list: { data: { orderLines: PagedConnection } | undefined; error: CombinedError | undefined; fetching: boolean; reload: () => void; pager: Pager };
  loadingLabel: string;
  /** Shown instead of the table when there is no line. */
  empty: { title: string; description: string };
  pageSize: number;
  pagesLabel: string;
  /** The table. */
  children: ReactNode;
}

export function OrderLinesCard(props: OrderLinesCardProps) {
  const { data, error, fetching } = props.list;
  const loaded = Boolean(data);
  const connection = data?.orderLines;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={props.titleId}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h4" id={props.titleId}>
          {props.title}
        </Title>
        <Text size="xs" c="dimmed">
          {props.liveNote}
        </Text>
      </Group>
      {props.filters}
      <div style={{ position: 'relative', marginTop: 'var(--mantine-spacing-md)' }}>
        {error && !loaded ? (
          <ErrorState error={error} onRetry={props.list.reload} />
        ) : !loaded && fetching ? (
          <LoadingState label={props.loadingLabel} />
        ) : !connection?.edges.length ? (
          <EmptyBlock title={props.empty.title} description={props.empty.description} icon={<IconReceipt aria-hidden />} />
        ) : (
          <>
            <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {props.children}
            <ConnectionPager
              pager={props.list.pager}
              pageSize={props.pageSize}
              connection={connection}
              busy={fetching}
              label={props.pagesLabel}
            />
          </>
        )}
      </div>
    </Card>
  );
}

/** A line's row; it flashes when a live event names the line. */
export function OrderLineTr({ flashing, children }: { flashing: boolean; children: ReactNode }) {
  return (
    <Table.Tr
      data-testid="order-line-row"
      data-flash={flashing || undefined}
      bg={flashing ? 'var(--mantine-color-yellow-light)' : undefined}
      style={{ transition: 'background-color 600ms ease' }}
    >
      {children}
    </Table.Tr>
  );
}

/** The product, as a button that opens the line's receipt. */
export function OrderLineProductCell({
  product,
  title,
  detail,
  color,
  opensReceipt,
  onOpen,
  miw,
  maw,
}: {
  product: { imageUrl: string | null } | null;
  title: string;
  detail: ReactNode;
  color: string;
  /** Describes the button ("opens the receipt of order …"). */
  opensReceipt: string;
  onOpen: () => void;
  miw: number;
  maw: number;
}) {
  return (
    <Table.Td miw={miw} maw={maw}>
      <UnstyledButton onClick={onOpen} aria-description={opensReceipt} style={{ display: 'block' }}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={product?.imageUrl} alt="" radius="sm" size={36} color={color}>
            <IconPackage size={16} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} lineClamp={1} c="indigo.7">
              {title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {detail}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
    </Table.Td>
  );
}

type MoneyLike = Parameters<typeof formatMoneyOrDash>[0];

/** A share: estimated on top, settled below (or "not settled"). */
export function CommissionCell({ commission, notSettled }: { commission: { estimated: MoneyLike; actual: MoneyLike } | null; notSettled: string }) {
  return (
    <Table.Td ta="right" style={NUM}>
      <Text size="sm" fw={600}>
        {formatMoneyOrDash(commission?.estimated)}
      </Text>
      <Text size="xs" c="dimmed">
        {commission?.actual ? formatMoneyOrDash(commission.actual) : notSettled}
      </Text>
    </Table.Td>
  );
}

/** A right-aligned money or rate figure. */
export function NumberCell({ children }: { children: ReactNode }) {
  return (
    <Table.Td ta="right" style={NUM}>
      <Text size="sm">{children}</Text>
    </Table.Td>
  );
}

/** Who and what a line is attributed to (two lines of text), or why it is not. */
export function AttributionCell({
  attributed,
  primary,
  secondary,
  unattributed,
  miw,
  maw,
}: {
  attributed: boolean;
  primary: ReactNode;
  secondary: ReactNode;
  unattributed: ReactNode;
  miw?: number;
  maw: number;
}) {
  return (
    <Table.Td miw={miw} maw={maw}>
      {attributed ? (
        <>
          <Text size="sm" lineClamp={1}>
            {primary}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {secondary}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {unattributed}
        </Text>
      )}
    </Table.Td>
  );
}
