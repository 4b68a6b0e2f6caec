import type { MantineColor } from '@mantine/core';
import type { MessageKey } from '../i18n/catalogues';
import { translate } from '../i18n/runtime';

/** How a status reads: label and description in the language in use (read each time, so a switch re-renders). */
export interface StatusMeta {
  readonly label: string;
  color: MantineColor;
  /** What the status means, for tooltips and screen readers. */
  readonly description: string;
}

/** `<prefix>.<key>` is the label's message and `<prefix>.<key>Hint` the description's. The caller names the prefix
 * as a literal ('seller.registrationStatus'), so that the build loads its namespace with the caller's chunk. */
export function statusMeta(prefix: string, key: string, color: MantineColor): StatusMeta {
  return {
    get label() {
      return translate(`${prefix}.${key}` as MessageKey);
    },
    color,
    get description() {
      return translate(`${prefix}.${key}Hint` as MessageKey);
    },
  };
}
