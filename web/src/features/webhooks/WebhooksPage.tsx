/**
 * Settings → Webhooks (agency, seller, creator): the organisation's endpoints — URL, events, enabled switch, test
 * event, delete — each with its delivery log (request, response, timing) and replay. The secret is shown once,
 * when the endpoint is created (CreateEndpointDialog).
 */
import { Alert, Anchor, Badge, Button, Card, Code, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock } from '../../components/QueryState';
import { QueryBoundary } from '../../components/QueryBoundary';
import {
  WebhookEndpointDeleteDocument,
  WebhookEndpointsDocument,
  type WebhookEndpointsQuery,
  WebhookEndpointTestDocument,
  WebhookEndpointUpdateDocument,
  WebhookMessageReplayDocument,
} from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { richT } from '../../i18n/rich';
import { mutationProblem } from '../../components/mutationResult';
import { formatCount, formatDateTime } from '../../lib/format';
import { marketTimeZone } from '../../lib/markets';
import { useViewer } from '../../session/context';
import { CreateEndpointDialog } from './CreateEndpointDialog';
import { DeliveryLog } from './DeliveryLog';

type Endpoint = WebhookEndpointsQuery['webhookEndpoints'][number];
const LIMIT = 10;
const REFRESH_MS = 2_000;
const WATCH_MS = 30_000;
const CONTEXT = { additionalTypenames: ['WebhookEndpoint', 'WebhookMessage'] };

function report(problem: string | null, title: string, done: string) {
  notifications.show(problem ? { color: 'red', title, message: problem } : { color: 'teal', title: done, message: '' });
}

export function WebhooksPage() {
  const t = useT();
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebhookEndpointsDocument, context: CONTEXT });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const [replaying, setReplaying] = useState<string | null>(null);
  const [, update] = useMutation(WebhookEndpointUpdateDocument);
  const [{ fetching: deleteBusy }, remove] = useMutation(WebhookEndpointDeleteDocument);
  const [testing, setTesting] = useState<string | null>(null);
  const [, test] = useMutation(WebhookEndpointTestDocument);
  // After a test or a replay, and while a message is pending, the log refreshes every few seconds (deliveries
  // happen in the background).
  const [watchUntil, setWatchUntil] = useState(0);
  const [, replay] = useMutation(WebhookMessageReplayDocument);
  const endpoints = data?.webhookEndpoints ?? [];
  const pending = endpoints.some((e) => e.status === 'ACTIVE' && e.messages.edges.some((m) => m.node.status === 'PENDING'));
  useEffect(() => {
    if (!pending && watchUntil < Date.now()) return undefined;
    const timer = window.setInterval(() => {
      reload();
      if (!pending && watchUntil < Date.now()) window.clearInterval(timer);
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [pending, watchUntil, reload]);

  const setEnabled = async (endpoint: Endpoint, enabled: boolean) => {
    const result = await update({ input: { id: endpoint.id, enabled } }, CONTEXT);
    report(mutationProblem(result, result.data?.webhookEndpointUpdate.userErrors), t('webhooks.notChanged'), enabled ? t('webhooks.enabledDone') : t('webhooks.disabledDone'));
    reload();
  };
  const sendTest = async (endpoint: Endpoint) => {
    setTesting(endpoint.id);
    const result = await test({ input: { id: endpoint.id } }, CONTEXT);
    setTesting(null);
    setWatchUntil(Date.now() + WATCH_MS);
    report(mutationProblem(result, result.data?.webhookEndpointTest.userErrors), t('webhooks.notSent'), t('webhooks.testQueued'));
    reload();
  };
  const replayMessage = async (id: string) => {
    setReplaying(id);
    const result = await replay({ input: { id } }, CONTEXT);
    setReplaying(null);
    setWatchUntil(Date.now() + WATCH_MS);
    report(mutationProblem(result, result.data?.webhookMessageReplay.userErrors), t('webhooks.notReplayed'), t('webhooks.replayQueued'));
    reload();
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ input: { id: deleting.id } }, CONTEXT);
    setDeleting(null);
    report(mutationProblem(result, result.data?.webhookEndpointDelete.userErrors), t('webhooks.notDeleted'), t('webhooks.deleted'));
    reload();
  };

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={!data || endpoints.length >= LIMIT}>
            {t('webhooks.newEndpoint')}
          </Button>
        }
      />
      <QueryBoundary
        data={data}
        fetching={fetching}
        error={error}
        onRetry={reload}
        loadingLabel={t('webhooks.loading')}
        empty={
          endpoints.length === 0 && (
            <EmptyBlock title={t('webhooks.emptyTitle')} description={t('webhooks.emptyBody')} icon={<IconWebhook aria-hidden />}>
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('webhooks.newEndpoint')}
              </Button>
            </EmptyBlock>
          )
        }
      >
        <Stack gap="lg">
          {endpoints.map((endpoint) => (
            <Card key={endpoint.id} withBorder radius="md" padding="lg" component="section" data-testid="webhook-endpoint">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
                <Stack gap={4}>
                  <Title order={2} size="h5" style={{ wordBreak: 'break-all' }}>
                    {endpoint.url}
                  </Title>
                  {endpoint.description && (
                    <Text size="sm" c="dimmed">
                      {endpoint.description}
                    </Text>
                  )}
                  <Group gap={4}>
                    {endpoint.eventTypes.map((type) => (
                      <Badge key={type} variant="outline" radius="sm" tt="none" size="sm">
                        {type}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
                <Group gap="xs">
                  <Switch
                    label={endpoint.status === 'ACTIVE' ? t('webhooks.enabled') : t('webhooks.disabled')}
                    checked={endpoint.status === 'ACTIVE'}
                    onChange={(e) => setEnabled(endpoint, e.currentTarget.checked)}
                  />
                  <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} loading={testing === endpoint.id} onClick={() => sendTest(endpoint)}>
                    {t('webhooks.sendTest')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(endpoint)} aria-label={t('webhooks.deleteLabel', { url: endpoint.url })}>
                    {t('webhooks.deleteButton')}
                  </Button>
                </Group>
              </Group>
              {endpoint.status === 'DISABLED' && endpoint.disabledReason && (
                <Alert color="red" variant="light" mb="sm" title={t('webhooks.disabled')}>
                  {endpoint.disabledReason}
                  {endpoint.disabledAt && <> — {formatDateTime(endpoint.disabledAt, tz)}</>}. {t('webhooks.disabledFix')}
                </Alert>
              )}
              <Text size="sm" fw={600} mb={6}>
                {t('webhooks.deliveryLog')}{' '}
                <Text span size="xs" c="dimmed">
                  {t('webhooks.messageCount', { count: endpoint.messages.totalCount, shown: formatCount(endpoint.messages.totalCount) })}
                </Text>
              </Text>
              <DeliveryLog messages={endpoint.messages.edges.map((e) => e.node)} tz={tz} onReplay={replayMessage} replaying={replaying} />
            </Card>
          ))}
          <Text size="xs" c="dimmed">
            {richT(t, 'webhooks.verify', {}, { signed: <Code fz="xs">webhook-id.webhook-timestamp.body</Code> })}{' '}
            <Anchor size="xs" href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">
              {t('webhooks.specification')}
            </Anchor>
          </Text>
        </Stack>
      </QueryBoundary>
      <CreateEndpointDialog opened={creating} eventTypes={data?.webhookEventTypes ?? []} onClose={() => setCreating(false)} onCreated={reload} />
      <ConfirmDialog opened={deleting !== null} title={t('webhooks.deleteTitle')} confirmLabel={t('webhooks.delete')} busy={deleteBusy} onConfirm={confirmDelete} onClose={() => setDeleting(null)}>
        {t('webhooks.deleteBody', { url: deleting?.url ?? '' })}
      </ConfirmDialog>
    </>
  );
}
