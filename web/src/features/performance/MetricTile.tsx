/** One figure of an overview: a label, the main value and a few smaller related values (e.g. estimated / settled). */
import { Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface MetricDetail {
  label: string;
  value: string;
}

export interface MetricTileProps {
  label: string;
  value: string;
  /** What the figure counts, shown on hover/focus of the info icon. */
  help?: string;
  icon?: ReactNode;
  details?: MetricDetail[];
  color?: string;
  testId?: string;
  /** Phone grids: a smaller figure and no icon. */
  compact?: boolean;
}

export function MetricTile({ label, value, help, icon, details = [], color = 'indigo', testId, compact = false }: MetricTileProps) {
  return (
    <Paper withBorder p={compact ? 'sm' : 'md'} radius="md" data-testid={testId ?? 'metric-tile'} data-metric={label} component="article" aria-label={`${label}: ${value}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {label}
            </Text>
            {help && (
              <Tooltip label={help} withArrow multiline w={240}>
                <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" aria-label={help} tabIndex={0} style={{ flexShrink: 0 }} />
              </Tooltip>
            )}
          </Group>
          {icon && !compact && (
            <ThemeIcon variant="light" color={color} size="md" radius="md" aria-hidden>
              {icon}
            </ThemeIcon>
          )}
        </Group>
        <Text fw={700} fz={compact ? 20 : 24} lh={1.15} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'break-word' }} data-testid="metric-value">
          {value}
        </Text>
        {details.length > 0 && (
          <Group gap="md" wrap="wrap" component="dl" m={0}>
            {details.map((d) => (
              <Group key={d.label} gap={4} wrap="nowrap">
                <Text component="dt" size="xs" c="dimmed">
                  {d.label}
                </Text>
                <Text component="dd" size="xs" fw={600} m={0} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {d.value}
                </Text>
              </Group>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
