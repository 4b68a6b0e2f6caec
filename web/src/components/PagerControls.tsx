/** "Showing 21–40 of 57" with Previous / Next for a keyset-paged list. */
import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { formatCount } from '../lib/format';
import type { Pager } from './usePager';
import { useT } from '../i18n/context';

export interface PagerControlsProps {
  pager: Pager;
  pageSize: number;
  shown: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  busy?: boolean;
  /** Accessible name of the navigation landmark, e.g. "Campaign pages". */
  label: string;
}

export function PagerControls({ pager, pageSize, shown, totalCount, hasNextPage, endCursor, busy, label }: PagerControlsProps) {
  const t = useT();
  const from = pager.pageIndex * pageSize + (shown > 0 ? 1 : 0);
  const to = pager.pageIndex * pageSize + shown;
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="pager-summary">
        {t('common.pager.showing', { from: formatCount(from), to: formatCount(to), total: formatCount(totalCount) })}
      </Text>
      <Group gap="xs" component="nav" aria-label={label}>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={pager.pageIndex === 0 || busy}
          onClick={pager.previous}
        >
          {t('common.pager.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          disabled={!hasNextPage || !endCursor || busy}
          onClick={() => pager.next(endCursor)}
        >
          {t('common.pager.next')}
        </Button>
      </Group>
    </Group>
  );
}

export interface PagedConnection {
  totalCount: number;
  edges: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** PagerControls for the page of a GraphQL connection as fetched: shown is the page's edges. */
export function ConnectionPager({ connection, ...rest }: Omit<PagerControlsProps, 'shown' | 'totalCount' | 'hasNextPage' | 'endCursor'> & { connection: PagedConnection | null | undefined }) {
  return (
    <PagerControls
      {...rest}
      shown={connection?.edges.length ?? 0}
      totalCount={connection?.totalCount ?? 0}
      hasNextPage={connection?.pageInfo.hasNextPage ?? false}
      endCursor={connection?.pageInfo.endCursor}
    />
  );
}
