/** How order lines, their rates and ledger postings read in the UI. */
import type { MantineColor } from '@mantine/core';
import type { LedgerAccount, LedgerPhase, OrderLineStatus, RateSource } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { getDisplayLocale } from '../../lib/format';

/** label and description are message keys (status.*), shown through t(). */
export interface OrderStatusMeta {
  label: MessageKey;
  color: MantineColor;
  description: MessageKey;
}

export const ORDER_STATUS: Readonly<Record<OrderLineStatus, OrderStatusMeta>> = {
  PLACED: { label: 'status.order.placed', color: 'gray', description: 'status.order.placedHint' },
  PAID: { label: 'status.order.paid', color: 'indigo', description: 'status.order.paidHint' },
  SHIPPED: { label: 'status.order.shipped', color: 'cyan', description: 'status.order.shippedHint' },
  DELIVERED: { label: 'status.order.delivered', color: 'blue', description: 'status.order.deliveredHint' },
  SETTLED: { label: 'status.order.settled', color: 'teal', description: 'status.order.settledHint' },
  CANCELLED: { label: 'status.order.cancelled', color: 'red', description: 'status.order.cancelledHint' },
  REFUNDED: { label: 'status.order.refunded', color: 'red', description: 'status.order.refundedHint' },
  FROZEN: { label: 'status.order.frozen', color: 'orange', description: 'status.order.frozenHint' },
};

export const ORDER_STATUSES = Object.keys(ORDER_STATUS) as OrderLineStatus[];

/** Where a rate came from, as it follows "from" on the receipt. */
export const RATE_SOURCE_LABEL: Readonly<Record<RateSource, MessageKey>> = {
  REGISTRATION: 'status.rateSource.registration',
  SHOWCASE_ENTRY: 'status.rateSource.showcaseEntry',
  SHOWCASE_ENTRY_DECREASE: 'status.rateSource.showcaseEntryDecrease',
  LIST_ITEM: 'status.rateSource.listItem',
  TOTAL_MINUS_CREATOR: 'status.rateSource.totalMinusCreator',
};

export const LEDGER_ACCOUNT_LABEL: Readonly<Record<LedgerAccount, MessageKey>> = {
  SELLER_PAYABLE: 'status.ledger.sellerPayable',
  CREATOR_EARNINGS: 'status.ledger.creatorEarnings',
  AGENCY_EARNINGS: 'status.ledger.agencyEarnings',
};

export const LEDGER_PHASE_LABEL: Readonly<Record<LedgerPhase, MessageKey>> = { ESTIMATED: 'status.ledger.estimated', SETTLED: 'status.ledger.settled' };

const EVENT_LABEL: Readonly<Record<string, MessageKey>> = {
  'order.created': 'status.event.created',
  'order.paid': 'status.order.paid',
  'order.shipped': 'status.order.shipped',
  'order.delivered': 'status.order.delivered',
  'order.cancelled': 'status.order.cancelled',
  'order.refunded': 'status.order.refunded',
  'order.frozen': 'status.event.frozen',
  'order.unfrozen': 'status.event.unfrozen',
};

/** "order.paid" → "Paid", "order.refunded" → "Refunded"; unknown types as they are. */
export function eventLabel(t: Translate, type: string): string {
  const key = EVENT_LABEL[type];
  return key ? t(key) : type;
}

const UNATTRIBUTED: Readonly<Record<string, MessageKey>> = {
  NO_ATTRIBUTION: 'status.unattributed.noAttribution',
  ENTRY_ENDED: 'status.unattributed.entryEnded',
  CAMPAIGN_CLOSED: 'status.unattributed.campaignClosed',
};

/** Why a line earns no commission, in words (the API's codes: NO_ATTRIBUTION, ENTRY_ENDED, CAMPAIGN_CLOSED…). */
export function unattributedText(t: Translate, reason: string | null | undefined): string {
  if (!reason) return t('status.unattributed.none');
  const key = UNATTRIBUTED[reason];
  return key ? t(key) : reason.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** The time of day of an instant in a zone: "4:39 AM" (the date is shown beside it). */
export function formatTime(value: string, timeZone: string): string {
  return new Intl.DateTimeFormat(getDisplayLocale(), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(value));
}
