/**
 * Formatting messages with FormatJS's intl-messageformat (ICU: plurals, selects, numbers, dates). A Translator
 * holds one language's catalogue and caches each message's formatter. In the build, messages arrive as parsed
 * ICU trees (vite-precompile-messages.ts); one made only of text and `{name}` arguments is laid out directly,
 * and intl-messageformat itself is loaded with the first catalogue part that has anything more (a plural, a
 * number…), so pages that need none never download it. The Translator in use is also kept here for code
 * outside React components (error descriptions, userErrors); components use `useT()`.
 */
import type { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue, MessageKey } from './catalogues';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

type Node = { type: number; value: string };
/** FormatJS's syntax tree node types: 0 literal, 1 argument (everything else needs intl-messageformat). */
const LITERAL = 0;
const ARGUMENT = 1;

function isPlain(message: unknown): message is Node[] {
  return Array.isArray(message) && message.every((n: Node) => n.type === LITERAL || n.type === ARGUMENT);
}

/** True when formatting `message` needs intl-messageformat (a string to parse, or a plural, select, …). */
export function needsFormatter(message: unknown): boolean {
  return !isPlain(message);
}

let MessageFormat: typeof IntlMessageFormat | null = null;
let loadingFormatter: Promise<void> | null = null;

export function loadFormatter(): Promise<void> {
  loadingFormatter ??= import('intl-messageformat').then((m) => {
    MessageFormat = m.IntlMessageFormat;
  });
  return loadingFormatter;
}

export class Translator {
  private readonly formatters = new Map<string, IntlMessageFormat>();
  readonly locale: string;
  private readonly messages: Catalogue;

  constructor(locale: string, messages: Catalogue) {
    this.locale = locale;
    this.messages = messages;
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.messages, key);
  }

  format(key: MessageKey, values?: MessageValues): string {
    if (!this.has(key)) return key;
    const message = this.messages[key];
    if (isPlain(message)) {
      return message.map((n) => (n.type === LITERAL ? n.value : String(values?.[n.value] ?? ''))).join('');
    }
    let formatter = this.formatters.get(key);
    if (!formatter) {
      if (!MessageFormat) return key; // catalogues.ts loads it with any part that needs it, before use
      formatter = new MessageFormat(message as string, this.locale);
      this.formatters.set(key, formatter);
    }
    return String(formatter.format(values as Record<string, string | number | Date>));
  }
}

let active: Translator | null = null;

export function activate(translator: Translator): Translator {
  active = translator;
  return translator;
}

/** The message for `key` in the language in use (the key itself before any catalogue has loaded). */
export function translate(key: MessageKey, values?: MessageValues): string {
  return active ? active.format(key, values) : key;
}

/** The language in use ('th', …), or null before any catalogue has loaded. */
export function activeLocale(): string | null {
  return active?.locale ?? null;
}

/** True when the active catalogue has `key` (server error codes the app may not know yet). */
export function hasMessage(key: string): boolean {
  return active?.has(key) ?? false;
}
