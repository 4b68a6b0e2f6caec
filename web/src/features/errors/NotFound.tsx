import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

export function NotFound() {
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="sm" ta="center">
        <Title order={1}>Page not found</Title>
        <Text c="dimmed">The page you asked for does not exist or has moved.</Text>
        <Button component={Link} to="/">
          Go to your home
        </Button>
      </Stack>
    </Center>
  );
}

/** Last-resort boundary for errors thrown while rendering a route. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={480} role="alert">
        <Title order={1} size="h2">
          Something went wrong
        </Title>
        <Text c="dimmed">{message}</Text>
        <Button onClick={() => window.location.assign('/')}>Reload Matchup</Button>
      </Stack>
    </Center>
  );
}
