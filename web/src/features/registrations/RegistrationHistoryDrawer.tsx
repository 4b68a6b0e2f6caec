/** A registration's history (who did what, when, why, and which terms changed), oldest first, in a drawer. */
import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../components/QueryState';
import { queryFallback } from '../../components/queryFallback';
import { SideDrawer } from '../../components/SideDrawer';
import { RegistrationHistoryDocument } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { actionLabel, changeValue, fieldLabel, visibleChanges } from './historyText';
import { reasonLabel } from './rejectReasons';
import { RegistrationStatusBadge } from './RegistrationStatusBadge';

const ROLE_LABEL: Record<string, MessageKey> = {
  AGENCY: 'campaigns.registrationHistory.role.agency',
  SELLER: 'campaigns.registrationHistory.role.seller',
  CREATOR: 'campaigns.registrationHistory.role.creator',
  OPERATOR: 'campaigns.registrationHistory.role.operator',
};

export interface RegistrationHistoryDrawerProps {
  /** The registration to show; null closes the drawer. */
  registrationId: string | null;
  /** Usually the product's title. */
  title: string;
  /** The campaign market's zone. */
  timeZone: string;
  onClose: () => void;
}

function HistoryTimeline({ registrationId, timeZone }: { registrationId: string; timeZone: string }) {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RegistrationHistoryDocument,
    variables: { id: registrationId },
    requestPolicy: 'cache-and-network',
  });
  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('campaigns.registrationHistory.loading') });
  if (pending) return pending;
  const node = data?.node;
  const events = node && node.__typename === 'Registration' ? (node.history ?? []) : [];
  if (events.length === 0) return <EmptyBlock title={t('campaigns.registrationHistory.empty')} icon={<IconHistory aria-hidden />} />;

  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="registration-history">
      {events.map((event) => {
        const reason = reasonLabel(event.reason);
        const changes = visibleChanges(event.changes);
        return (
          <Timeline.Item
            key={event.id}
            title={
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm">
                  {actionLabel(t, event.action)}
                </Text>
                {event.toStatus && event.fromStatus !== event.toStatus && <RegistrationStatusBadge status={event.toStatus} />}
              </Group>
            }
          >
            <Stack gap={4} mt={2}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at, timeZone)}
                {event.actorName || event.actorRole ? ' · ' : ''}
                {event.actorName}
                {event.actorRole ? ` (${ROLE_LABEL[event.actorRole] ? t(ROLE_LABEL[event.actorRole]!) : event.actorRole})` : ''}
              </Text>
              {reason && (
                <Text size="sm">
                  <Text span c="dimmed" inherit>
                    {t('campaigns.registrationHistory.reason')}{' '}
                  </Text>
                  {reason}
                </Text>
              )}
              {event.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span c="dimmed" inherit>
                    {t('campaigns.registrationHistory.note')}{' '}
                  </Text>
                  {event.note}
                </Text>
              )}
              {changes.length > 0 && (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {changes.map((change) => (
                    <Text key={change.field} component="li" size="sm">
                      {fieldLabel(t, change.field)}:{' '}
                      <Badge variant="default" radius="sm" tt="none" size="sm">
                        {changeValue(change.field, change.from)}
                      </Badge>{' '}
                      →{' '}
                      <Badge variant="light" radius="sm" tt="none" size="sm">
                        {changeValue(change.field, change.to)}
                      </Badge>
                    </Text>
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

export function RegistrationHistoryDrawer({ registrationId, title, timeZone, onClose }: RegistrationHistoryDrawerProps) {
  const t = useT();
  return (
    <SideDrawer
      opened={registrationId !== null}
      onClose={onClose}
      kicker={t('campaigns.registrationHistory.title')}
      title={title}
      closeLabel={t('campaigns.registrationHistory.close')}
    >
      {registrationId && <HistoryTimeline registrationId={registrationId} timeZone={timeZone} />}
    </SideDrawer>
  );
}
