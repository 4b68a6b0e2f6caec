/**
 * One history of terms for every subject (campaign, showcase entry, sample request): each change as a diff
 * (field, before → after), who acted (organisation and role; a person's name only when the API gives it), when
 * and why, oldest first. The subject wrappers load it and refetch it on their subject's live events.
 */
import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { EmptyBlock } from '../../components/QueryState';
import { useT } from '../../i18n/context';
import { formatDateTime, formatRelative } from '../../lib/format';
import { actionText, actorText, fieldText, valueText } from './historyText';

export interface TermsEventItem {
  id: string;
  at: string;
  action: string;
  actorRole: string | null;
  actorName: string | null;
  actorPersonName: string | null;
  reason: string | null;
  changes: ReadonlyArray<{ field: string; from: string | null; to: string | null }>;
}

export function TermsHistoryList({ events, timeZone, testId = 'terms-history' }: { events: ReadonlyArray<TermsEventItem>; timeZone: string; testId?: string }) {
  const t = useT();
  if (events.length === 0) return <EmptyBlock title={t('history.empty')} description={t('history.emptyHint')} icon={<IconHistory aria-hidden />} />;
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid={testId}>
      {events.map((event) => {
        const changes = event.changes.filter((c) => (c.from ?? '') !== (c.to ?? ''));
        return (
          <Timeline.Item key={event.id} data-testid="terms-event" data-action={event.action} title={<Text fw={600} size="sm">{actionText(t, event.action)}</Text>}>
            <Stack gap={4} mt={2}>
              <Text size="xs" c="dimmed">
                <time dateTime={event.at} title={formatRelative(event.at)}>
                  {formatDateTime(event.at, timeZone)}
                </time>
                {' · '}
                <span data-testid="terms-event-actor">{actorText(t, event)}</span>
              </Text>
              {event.reason && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('history.reason', { reason: event.reason })}</Text>}
              {changes.length > 0 && (
                <Stack gap={4} component="ul" aria-label={t('history.changes')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {changes.map((change) => (
                    <Group key={change.field} component="li" gap={6} wrap="wrap" data-testid="terms-change" data-field={change.field}>
                      <Text size="sm" c="dimmed">
                        {t('history.fieldColon', { field: fieldText(t, change.field) })}
                      </Text>
                      <Badge variant="default" radius="sm" tt="none" size="sm" maw="100%" style={{ whiteSpace: 'normal', height: 'auto' }} aria-label={t('history.before', { value: valueText(t, change.field, change.from, timeZone) })}>
                        {valueText(t, change.field, change.from, timeZone)}
                      </Badge>
                      <Text size="sm" aria-hidden>
                        →
                      </Text>
                      <Badge variant="light" radius="sm" tt="none" size="sm" maw="100%" style={{ whiteSpace: 'normal', height: 'auto' }} aria-label={t('history.after', { value: valueText(t, change.field, change.to, timeZone) })}>
                        {valueText(t, change.field, change.to, timeZone)}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
