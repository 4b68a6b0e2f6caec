/** An endpoint's delivery log: each message with its status, attempts (request headers, response, timing) and replay. */
import { Accordion, Badge, Button, Code, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import type { WebhookEndpointsQuery } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';

type Message = WebhookEndpointsQuery['webhookEndpoints'][number]['messages']['edges'][number]['node'];

const STATUS_COLOR: Record<string, string> = { DELIVERED: 'teal', PENDING: 'yellow', FAILED: 'red' };

export function DeliveryLog({ messages, tz, onReplay, replaying }: {
  messages: ReadonlyArray<Message>;
  tz: string;
  onReplay: (id: string) => void;
  replaying: string | null;
}) {
  const t = useT();
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.log.empty')}
      </Text>
    );
  }
  return (
    <Accordion variant="separated" radius="sm" data-testid="delivery-log">
      {messages.map((message) => (
        <Accordion.Item key={message.id} value={message.id} data-testid="webhook-message">
          <Accordion.Control>
            {/* Wraps on a phone: the status, type and time stay whole rather than squeezed into ellipses. */}
            <Group justify="space-between" wrap="wrap" gap="xs" style={{ rowGap: 4 }}>
              <Group gap="xs" wrap="nowrap">
                <Badge color={STATUS_COLOR[message.status]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                  {message.status}
                </Badge>
                <Code fz="xs">{message.eventType}</Code>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('webhooks.log.attempts', { count: message.attemptCount, shown: formatCount(message.attemptCount) })} · {formatDateTime(message.createdAt, tz, { withZone: false })}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  webhook-id <Code fz="xs">{message.webhookId}</Code>
                  {message.nextAttemptAt && <> · {t('webhooks.log.nextAttempt', { time: formatDateTime(message.nextAttemptAt, tz, { withZone: false }) })}</>}
                </Text>
                <Button size="xs" variant="light" leftSection={<IconRepeat size={14} aria-hidden />} loading={replaying === message.id} onClick={() => onReplay(message.id)}>
                  {t('webhooks.log.replay')}
                </Button>
              </Group>
              {message.payload && (
                <ScrollArea.Autosize mah={180}>
                  <Code block fz="xs" data-testid="webhook-payload">
                    {prettyJson(message.payload)}
                  </Code>
                </ScrollArea.Autosize>
              )}
              <Table.ScrollContainer minWidth={560}>
                <Table fz="xs" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('webhooks.log.attempt')}</Table.Th>
                      <Table.Th scope="col">{t('webhooks.log.response')}</Table.Th>
                      <Table.Th scope="col">{t('webhooks.log.time')}</Table.Th>
                      <Table.Th scope="col">{t('webhooks.log.headers')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {message.attempts.map((attempt) => (
                      <Table.Tr key={attempt.attemptedAt + attempt.durationMs} data-testid="webhook-attempt">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(attempt.attemptedAt, tz, { withZone: false })}</Table.Td>
                        <Table.Td>
                          {attempt.responseStatus !== null ? (
                            <Badge size="sm" radius="sm" variant="light" color={attempt.responseStatus < 300 ? 'teal' : 'red'}>
                              {attempt.responseStatus}
                            </Badge>
                          ) : (
                            <Text size="xs" c="red">
                              {attempt.error}
                            </Text>
                          )}
                          {attempt.responseBody && (
                            <Text size="xs" c="dimmed" lineClamp={2}>
                              {attempt.responseBody}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{t('webhooks.log.duration', { ms: String(attempt.durationMs) })}</Table.Td>
                        <Table.Td>
                          {attempt.requestHeaders.map((h) => (
                            <Text key={h.name} size="xs" ff="monospace" lineClamp={1}>
                              {h.name}: {h.value}
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
