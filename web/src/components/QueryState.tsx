/** Loading, error and empty states shared by every screen. */
import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import type { CombinedError } from 'urql';
import type { ReactNode } from 'react';

export function LoadingState({ label = 'Loading…', minHeight = 120 }: { label?: string; minHeight?: number }) {
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

/** A human message for an urql error: network trouble, permission, or the server's own message. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return 'The server could not be reached. Check your connection and try again.';
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'Your session has ended. Please sign in again.';
  if (codes.includes('FORBIDDEN')) return 'You do not have access to this information.';
  const first = error.graphQLErrors[0];
  if (first && first.extensions?.code !== 'INTERNAL_SERVER_ERROR') return first.message;
  return 'Something went wrong on our side. Please try again.';
}

export function ErrorState({
  error,
  onRetry,
  title = 'Could not load this',
}: {
  error: CombinedError;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyBlock({
  title,
  description,
  icon,
  children,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <EmptyState
      size="sm"
      title={title}
      description={description}
      icon={icon ?? <IconInbox aria-hidden />}
      py="lg"
    >
      {children}
    </EmptyState>
  );
}
