/** Loading, error and empty states shared by every screen. */
import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { describeError } from '../lib/errors';
import type { ReactNode } from 'react';
import { useT } from '../i18n/context';

export function LoadingState({ label, minHeight = 120 }: { label?: string; minHeight?: number }) {
  const t = useT();
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

/** The whole app's loading state (before a role's shell and screen have loaded). */
export function AppLoading() {
  const t = useT();
  return <LoadingState label={t('app.loading')} minHeight={400} />;
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: CombinedError;
  onRetry?: () => void;
  title?: string;
}) {
  const t = useT();
  return (
    <Alert color="red" variant="light" title={title ?? t('common.couldNotLoad')} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {t('common.tryAgain')}
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

/** A detail screen's "not found / not available", with a way back to the list it was opened from. */
export function NotFoundBlock({ title, description, backLabel }: { title: string; description: string; backLabel: string }) {
  return (
    <EmptyBlock title={title} description={description}>
      <Button component={Link} to=".." relative="path" variant="light" mt="sm">
        {backLabel}
      </Button>
    </EmptyBlock>
  );
}
