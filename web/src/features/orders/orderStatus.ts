/** How order lines, their rates and ledger postings read in the UI. */
import type { MantineColor } from '@mantine/core';
import type { LedgerAccount, LedgerPhase, OrderLineStatus, RateSource } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';

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

export const RATE_SOURCE_LABEL: Readonly<Record<RateSource, string>> = {
  REGISTRATION: 'the seller’s total rate in its registration',
  SHOWCASE_ENTRY: 'the creator’s rate on its showcase entry',
  SHOWCASE_ENTRY_DECREASE: 'the entry’s lower rate, in force after its 30-day lock',
  LIST_ITEM: 'the product list’s rate (bought through a share link)',
  TOTAL_MINUS_CREATOR: 'the total rate minus the creator’s',
};

export const LEDGER_ACCOUNT_LABEL: Readonly<Record<LedgerAccount, string>> = {
  SELLER_PAYABLE: 'Seller pays',
  CREATOR_EARNINGS: 'Creator earns',
  AGENCY_EARNINGS: 'Agency earns',
};

export const LEDGER_PHASE_LABEL: Readonly<Record<LedgerPhase, string>> = { ESTIMATED: 'estimated', SETTLED: 'settled' };

/** "order.paid" → "Paid", "order.refunded" → "Refunded"; unknown types as they are. */
export function eventLabel(type: string): string {
  const known: Record<string, string> = {
    'order.created': 'Order placed',
    'order.paid': 'Paid',
    'order.shipped': 'Shipped',
    'order.delivered': 'Delivered',
    'order.cancelled': 'Cancelled',
    'order.refunded': 'Refunded',
    'order.frozen': 'Put on hold',
    'order.unfrozen': 'Hold released',
  };
  return known[type] ?? type;
}

/** Why a line earns no commission, in words (the API's codes: NO_ATTRIBUTION, ENTRY_ENDED, CAMPAIGN_CLOSED…). */
export function unattributedText(reason: string | null | undefined): string {
  const known: Record<string, string> = {
    NO_ATTRIBUTION: 'An organic sale: not bought through a creator.',
    ENTRY_ENDED: 'The creator’s showcase entry had ended.',
    CAMPAIGN_CLOSED: 'The campaign had closed.',
  };
  if (!reason) return 'Not attributed to a creator.';
  return known[reason] ?? reason.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** The time of day of an instant in a zone: "4:39 AM" (the date is shown beside it). */
export function formatTime(value: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(value));
}
