/** Root route: reads who is signed in once per client generation and provides it to every screen. */
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { Outlet } from 'react-router';
import { useQuery } from 'urql';
import { ViewerDocument } from '../generated/graphql';
import { LoadingState } from '../components/QueryState';
import { describeError } from '../lib/errors';
import { ViewerContext, type ViewerContextValue } from './context';
import { toSessionViewer } from './viewer';

export function ViewerRoot() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerDocument, requestPolicy: 'cache-and-network' });
  const refetchViewer = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const value = useMemo<ViewerContextValue>(
    () => ({ viewer: toSessionViewer(data?.viewer), refetchViewer }),
    [data, refetchViewer],
  );

  if (!data && fetching) return <LoadingState label="Loading Matchup…" minHeight={400} />;
  if (!data && error) {
    return (
      <Center mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={420} ta="center" role="alert">
          <Title order={1} size="h3">
            Matchup is not reachable
          </Title>
          <Text c="dimmed">{describeError(error)}</Text>
          <Button onClick={refetchViewer}>Try again</Button>
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
