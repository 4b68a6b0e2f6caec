/** A headline figure on a home, with what it compares to, linking to where it is explained. */
import { Paper, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function FigureCard({ label, value, note, to, testId, big }: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  to: string;
  testId?: string;
  big?: boolean;
}) {
  return (
    <UnstyledButton component={Link} to={to} style={{ display: 'block', borderRadius: 'var(--mantine-radius-md)' }}>
      <Paper withBorder p="md" radius="md" h="100%">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {label}
        </Text>
        <Text fw={700} fz={big ? 28 : 'xl'} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
          {value}
        </Text>
        {note && (
          <Text size="xs" c="dimmed" mt={2}>
            {note}
          </Text>
        )}
      </Paper>
    </UnstyledButton>
  );
}
