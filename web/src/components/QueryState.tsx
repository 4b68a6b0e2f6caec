/** Loading, error and empty states shared by every screen. */
import { Alert, Button, Center, EmptyState, Group, Loader, LoadingOverlay, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
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

/** A query's state as urql's useQuery gives it. */
export interface QueryResultState<D> {
  data?: D | undefined;
  fetching: boolean;
  error?: CombinedError | undefined;
}

export interface QueryFallbackOptions {
  onRetry?: () => void;
  /** What is loading, e.g. "Loading your orders…" (default: "Loading…"). */
  loadingLabel?: string;
  loadingMinHeight?: number;
  errorTitle?: string;
}

/**
 * The error or loading state of a query that has no data yet, or null once it has data (or is idle): an error
 * with stale data keeps showing the data, a refetch keeps showing the data.
 */
export function queryFallback<D>({ data, fetching, error }: QueryResultState<D>, options: QueryFallbackOptions = {}): ReactNode {
  if (error && !data) return <ErrorState error={error} onRetry={options.onRetry} title={options.errorTitle} />;
  if (!data && fetching) return <LoadingState label={options.loadingLabel} minHeight={options.loadingMinHeight} />;
  return null;
}

export interface QueryBoundaryProps<D> extends QueryResultState<D>, QueryFallbackOptions {
  /** Shown instead of the children when the loaded data has nothing to show (e.g. `rows.length === 0 && <EmptyBlock …/>`). */
  empty?: ReactNode;
  /** The loaded content; a function is called with the data only once there is data. */
  children: ReactNode | ((data: D) => ReactNode);
}

/** Error → loading → empty → content, the same way on every screen (see queryFallback). */
export function QueryBoundary<D>({ data, fetching, error, empty, children, ...options }: QueryBoundaryProps<D>) {
  const fallback = queryFallback({ data, fetching, error }, options);
  if (fallback) return fallback;
  if (empty !== undefined && empty !== null && empty !== false) return empty;
  if (typeof children !== 'function') return children;
  return data === undefined ? null : children(data);
}

/** The veil over content that is being refetched (the content stays, dimmed, with a small spinner). */
export function RefreshOverlay({ visible }: { visible: boolean }) {
  return <LoadingOverlay visible={visible} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />;
}
