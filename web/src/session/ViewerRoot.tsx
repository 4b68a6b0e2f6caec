/** Root route: reads who is signed in once per client generation and provides it to every screen. */
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo } from 'react';
import { Outlet } from 'react-router';
import { useQuery } from 'urql';
import { ViewerDocument } from '../generated/graphql';
import { LoadingState } from '../components/QueryState';
import { describeError } from '../lib/errors';
import { useLocale, useT } from '../i18n/context';
import { ViewerContext, type ViewerContextValue } from './context';
import { toSessionViewer } from './viewer';

export function ViewerRoot() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerDocument, requestPolicy: 'cache-and-network' });
  const refetchViewer = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const t = useT();
  const { setLocale } = useLocale();
  // The user's stored language wins over this device's and the browser's, whenever the server reports it.
  const chosen = toSessionViewer(data?.viewer)?.locale ?? null;
  useEffect(() => {
    if (chosen) setLocale(chosen);
  }, [chosen, setLocale]);
  const value = useMemo<ViewerContextValue>(
    () => ({ viewer: toSessionViewer(data?.viewer), refetchViewer }),
    [data, refetchViewer],
  );

  if (!data && fetching) return <LoadingState label={t('app.loading')} minHeight={400} />;
  if (!data && error) {
    return (
      <Center mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={420} ta="center" role="alert">
          <Title order={1} size="h3">
            {t('app.unreachable')}
          </Title>
          <Text c="dimmed">{describeError(error)}</Text>
          <Button onClick={refetchViewer}>{t('common.tryAgain')}</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <ViewerContext.Provider value={value}>
      <Outlet />
    </ViewerContext.Provider>
  );
}
