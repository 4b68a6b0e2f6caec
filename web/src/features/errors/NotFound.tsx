import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../../i18n/context';

export function NotFound() {
  const t = useT();
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="sm" ta="center">
        <Title order={1}>{t('app.notFound.title')}</Title>
        <Text c="dimmed">{t('app.notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('app.notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Last-resort boundary for errors thrown while rendering a route. */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : t('app.unknownError');
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={480} role="alert">
        <Title order={1} size="h2">
          {t('app.crash.title')}
        </Title>
        <Text c="dimmed">{message}</Text>
        <Button onClick={() => window.location.assign('/')}>{t('app.crash.reload')}</Button>
      </Stack>
    </Center>
  );
}
