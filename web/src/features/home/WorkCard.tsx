/**
 * One pile of work on a home: a titled section with how many wait, the first few as links straight to where each
 * is done, and a link to all of them. A real list (ul/li), so screen readers announce its length.
 */
import { Anchor, Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/context';
import classes from './WorkCard.module.css';

export interface WorkItem {
  key: string;
  to: string;
  title: ReactNode;
  detail?: ReactNode;
  aside?: ReactNode;
}

export function WorkCard({
  id,
  title,
  count,
  items,
  allHref,
  allLabel,
  empty,
}: {
  id: string;
  title: string;
  /** How many wait in all (more than shown); null hides the count. */
  count: number | null;
  items: WorkItem[];
  allHref?: string;
  allLabel?: string;
  empty: string;
}) {
  const t = useT();
  const titleId = `${id}-title`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId} data-testid={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={2} size="h5" id={titleId}>
            {title}
          </Title>
          {count !== null && (
            <Badge variant={count > 0 ? 'filled' : 'default'} size="sm" data-testid={`${id}-count`}>
              {count}
            </Badge>
          )}
        </Group>
        {allHref && (
          <Anchor component={Link} to={allHref} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {allLabel ?? t('common.openAll')}
          </Anchor>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <ul className={classes.list}>
          {items.map((item) => (
            <li key={item.key}>
              <UnstyledButton component={Link} to={item.to} className={classes.item}>
                {/* The aside goes under the title when beside it the title would have less than 12rem (a phone,
                    a long "registered last week" in Filipino) instead of squeezing it to a word per line. */}
                <Group justify="space-between" wrap="wrap" gap="sm" style={{ rowGap: 2 }}>
                  <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                    <Text size="sm" fw={600} className={classes.title}>
                      {item.title}
                    </Text>
                    {item.detail && (
                      <Text size="xs" c="dimmed">
                        {item.detail}
                      </Text>
                    )}
                  </Stack>
                  {item.aside && (
                    // The aside (a status, a time) never shrinks: the title wraps instead (no clipped badges).
                    <Text component="div" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', flexShrink: 0, marginLeft: 'auto' }}>
                      {item.aside}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
