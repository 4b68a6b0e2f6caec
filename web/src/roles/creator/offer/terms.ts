/** What a creator accepts when adding products from an offer. */
import type { MessageKey } from '../../../i18n/catalogues';

export const OFFER_TERMS: ReadonlyArray<MessageKey> = ['offers.terms.earn', 'offers.terms.lower', 'offers.terms.disclose', 'offers.terms.samples'];
