/**
 * Notifications in the reader's language. The server writes each notification's title and body in English and
 * keeps the values they show (`params`, named by server/services/notification_kinds.py). A kind with messages
 * `notification.<KIND>.title` and `.body` is written from those values in the language in use; a kind this
 * build has no messages for, or a notification written before params were kept (null), shows the server's
 * English. The values are prepared for the messages: money ({amountMinor, currency}) through formatMoney,
 * instants (names ending in At) through formatDateTime in the viewer's market zone, rates (…Bps) through
 * formatRate, and a null (a value this notification does not show) as `none`, a select's empty case.
 *
 * The messages are their own namespace, loaded when a list or a toast first needs them (useNotificationMessages,
 * loadNotificationMessages) rather than with the home pages that show recent notifications: about a hundred
 * messages with plurals and selects would cost those first pages several kB. The keys are built here, under
 * src/i18n, where vite-precompile-messages.ts does not look for namespaces a module uses.
 */
import { useEffect, useState } from 'react';
import type { MessageKey } from './catalogues';
import { loadNamespaces } from './catalogues';
import type { MessageValues } from './runtime';
import { hasMessage, translate } from './runtime';
import { CURRENCY_EXPONENT, formatDateTime, formatMoney, formatRate } from '../lib/format';

const NAMESPACE = 'notification';

let loaded = false;

/** Loads the notification messages in the language in use (and in any it switches to later). A failed load
 * resolves too: the server's English stands in. */
export function loadNotificationMessages(): Promise<void> {
  return loadNamespaces([NAMESPACE]).then(
    () => {
      loaded = true;
    },
    () => undefined,
  );
}

/** False until the notification messages are loaded: a list waits for them rather than flash English. */
export function useNotificationMessages(): boolean {
  const [ready, setReady] = useState(loaded);
  useEffect(() => {
    let live = true;
    void loadNotificationMessages().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

export interface ServerNotification {
  kind: string;
  title: string;
  body: string;
  params: unknown;
}

export interface Messages {
  has(key: string): boolean;
  format(key: MessageKey, values?: MessageValues): string;
}

const ACTIVE: Messages = { has: hasMessage, format: translate };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Integer minor units as the decimal string formatMoney takes: 123456 THB → "1234.56". */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const exponent = CURRENCY_EXPONENT[currency] ?? 2;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const sign = amountMinor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(-exponent)}`;
}

function messageValue(name: string, value: unknown, timeZone: string): string | number {
  if (value === null || value === undefined) return 'none';
  if (isRecord(value) && typeof value.amountMinor === 'number' && typeof value.currency === 'string') {
    return formatMoney({ amount: minorToDecimal(value.amountMinor, value.currency), currency: value.currency });
  }
  if (typeof value === 'number') return name.endsWith('Bps') ? formatRate(value) : value;
  if (typeof value === 'string') return name.endsWith('At') ? formatDateTime(value, timeZone) : value;
  return String(value);
}

/** The title and body to show for `n`, in the language of `messages` (the active catalogue by default). */
export function notificationText(
  n: ServerNotification,
  timeZone: string,
  messages: Messages = ACTIVE,
): { title: string; body: string } {
  const titleKey = `${NAMESPACE}.${n.kind}.title`;
  const bodyKey = `${NAMESPACE}.${n.kind}.body`;
  if (!isRecord(n.params) || !messages.has(titleKey) || !messages.has(bodyKey)) {
    return { title: n.title, body: n.body };
  }
  try {
    const values: MessageValues = {};
    for (const [name, value] of Object.entries(n.params)) values[name] = messageValue(name, value, timeZone);
    return {
      title: messages.format(titleKey as MessageKey, values),
      body: messages.format(bodyKey as MessageKey, values),
    };
  } catch {
    return { title: n.title, body: n.body }; // a value the message cannot take: the server's words are right
  }
}
