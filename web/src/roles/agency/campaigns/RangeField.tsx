/** Two inputs under one visible label (min – max), with one error line. */
import { Group, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function RangeField({ label, error, children }: { label: string; error?: string; children: [ReactNode, ReactNode] }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <Text size="sm" fw={500} id={id} mb={2}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" align="center">
        {children[0]}
        <Text c="dimmed" aria-hidden>
          –
        </Text>
        {children[1]}
      </Group>
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
