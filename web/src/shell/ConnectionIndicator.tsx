/**
 * Shows the state of the live-updates socket. Quiet (a small green dot) while connected; a labelled badge
 * while connecting, reconnecting or down, announced politely to screen readers.
 */
import { Badge, Box } from '@mantine/core';
import { DeferredTooltip } from '../components/DeferredTooltip';
import type { ConnectionState } from '../graphql/client';
import { useSession } from '../session/context';
import type { MessageKey } from '../i18n/catalogues';
import { useT } from '../i18n/context';
import classes from './ConnectionIndicator.module.css';

const LABELS: Record<ConnectionState, { text: MessageKey; color: string; help: MessageKey }> = {
  idle: { text: 'shell.live.idle', color: 'gray', help: 'shell.live.idleHelp' },
  connecting: { text: 'shell.live.connecting', color: 'gray', help: 'shell.live.connectingHelp' },
  connected: { text: 'shell.live.connected', color: 'teal', help: 'shell.live.connectedHelp' },
  reconnecting: {
    text: 'shell.live.reconnecting',
    color: 'yellow',
    help: 'shell.live.reconnectingHelp',
  },
  closed: { text: 'shell.live.closed', color: 'red', help: 'shell.live.closedHelp' },
};

export function ConnectionIndicator({ compact = false }: { compact?: boolean }) {
  const { connection } = useSession();
  const t = useT();
  const label = LABELS[connection];
  const quiet = connection === 'connected' || connection === 'idle';
  const trigger =
    quiet || compact ? (
      <span className={classes.dot} data-state={connection} tabIndex={0} role="img" aria-label={t(label.help)} />
    ) : (
      <Badge color={label.color} variant="light" tabIndex={0} className={classes.badge}>
        {t(label.text)}
      </Badge>
    );

  return (
    <Box role="status" aria-live="polite" data-testid="connection-state" data-state={connection}>
      <DeferredTooltip label={t(label.help)} width={220} trigger={trigger} />
    </Box>
  );
}
