/** registrationCreate's registration-window errors, with their time in the campaign market's zone. */
import { formatDateTime } from '../../../lib/format';
import { translate } from '../../../i18n/runtime';

export interface WindowError {
  code: string;
  message: string;
  opensAt?: string | null;
  endedAt?: string | null;
}

export function windowErrorMessage(error: WindowError, timeZone: string): string {
  if (error.code === 'REGISTRATION_NOT_OPEN_YET' && error.opensAt)
    return translate('seller.window.notOpenYet', { when: formatDateTime(error.opensAt, timeZone) });
  if (error.code === 'REGISTRATION_ENDED' && error.endedAt)
    return translate('seller.window.ended', { when: formatDateTime(error.endedAt, timeZone) });
  return error.message;
}
