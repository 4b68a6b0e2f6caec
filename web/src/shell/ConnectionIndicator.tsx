/**
 * Shows the state of the live-updates socket. Quiet (a small green dot) while connected; a labelled badge
 * while connecting, reconnecting or down, announced politely to screen readers.
 */
import { Badge, Box } from '@mantine/core';
import { DeferredTooltip } from '../components/DeferredTooltip';
import type { ConnectionState } from '../graphql/client';
import { useSession } from '../session/context';
import classes from './ConnectionIndicator.module.css';

const LABELS: Record<ConnectionState, { text: string; color: string; help: string }> = {
  idle: { text: 'Live updates idle', color: 'gray', help: 'Live updates start when needed.' },
  connecting: { text: 'Connecting…', color: 'gray', help: 'Connecting to live updates.' },
  connected: { text: 'Live', color: 'teal', help: 'Live updates are on.' },
  reconnecting: {
    text: 'Reconnecting…',
    color: 'yellow',
    help: 'Live updates are interrupted. Reconnecting; what you see may be out of date.',
  },
  closed: { text: 'Offline', color: 'red', help: 'Live updates stopped. Reload the page or sign in again.' },
};

export function ConnectionIndicator({ compact = false }: { compact?: boolean }) {
  const { connection } = useSession();
  const label = LABELS[connection];
  const quiet = connection === 'connected' || connection === 'idle';
  const trigger =
    quiet || compact ? (
      <span className={classes.dot} data-state={connection} tabIndex={0} role="img" aria-label={label.help} />
    ) : (
      <Badge color={label.color} variant="light" tabIndex={0} className={classes.badge}>
        {label.text}
      </Badge>
    );

  return (
    <Box role="status" aria-live="polite" data-testid="connection-state" data-state={connection}>
      <DeferredTooltip label={label.help} width={220} trigger={trigger} />
    </Box>
  );
}
