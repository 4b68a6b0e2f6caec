/** How tax, bill and payout statuses read in the UI. */
import type { MantineColor } from '@mantine/core';
import type { BillStatus, PayoutBlockReason, PayoutOutcome, PayoutStatus, TaxStatus } from '../../generated/graphql';

interface Meta {
  label: string;
  color: MantineColor;
  description: string;
}

export const TAX_STATUS: Readonly<Record<TaxStatus, Meta>> = {
  NOT_SUBMITTED: { label: 'Not submitted', color: 'gray', description: 'Submit your tax info to get paid.' },
  PENDING_REVIEW: { label: 'In review', color: 'yellow', description: 'Matchup reviews it, usually within one business day.' },
  APPROVED: { label: 'Approved', color: 'teal', description: 'Approved: you can link a bank account and get paid.' },
  REJECTED: { label: 'Rejected', color: 'red', description: 'Rejected: correct it and submit again.' },
};

export const BILL_STATUS: Readonly<Record<BillStatus, Meta>> = {
  OPEN: { label: 'Being prepared', color: 'gray', description: 'The bill is being assembled.' },
  ISSUED: { label: 'Issued', color: 'indigo', description: 'Issued: paid at the next payout run.' },
  PAID: { label: 'Paid', color: 'teal', description: 'Paid to the bank account.' },
  FAILED: { label: 'Payout failed', color: 'red', description: 'The transfer failed; the next payout run retries it.' },
};

export const PAYOUT_STATUS: Readonly<Record<PayoutStatus, Meta>> = {
  PENDING: { label: 'Pending', color: 'gray', description: 'The transfer is in progress.' },
  SUCCEEDED: { label: 'Succeeded', color: 'teal', description: 'The money was sent.' },
  FAILED: { label: 'Failed', color: 'red', description: 'The transfer failed.' },
};

export const PAYOUT_OUTCOME: Readonly<Record<PayoutOutcome, Meta>> = {
  PAID: { label: 'Paid', color: 'teal', description: 'The bill was paid.' },
  FAILED: { label: 'Failed', color: 'red', description: 'The transfer failed; the next run retries it.' },
  PAYOUT_BLOCKED: { label: 'Blocked', color: 'orange', description: 'Not attempted.' },
};

export const BLOCK_REASON_LABEL: Readonly<Record<PayoutBlockReason, string>> = {
  TAX_NOT_APPROVED: 'Tax info not approved',
  NO_BANK_ACCOUNT: 'No bank account linked',
  CURRENCY_MISMATCH: 'Bank account in another currency',
};

/** "2026-10" → "October 2026". */
export function formatPeriod(period: string, locale = 'en-US'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** The last month that has ended, as a period: on 2026-11-21 → "2026-10". */
export function previousPeriod(now: Date = new Date()): string {
  return endedPeriods(now, 1)[0]!;
}

/** The last `count` months that have ended, newest first: the periods bills can be issued for. */
export function endedPeriods(now: Date = new Date(), count = 12): string[] {
  const periods: string[] = [];
  let year = now.getUTCFullYear();
  let month = now.getUTCMonth(); // 0-based: the previous month, 1-based
  for (let i = 0; i < count; i++) {
    if (month === 0) {
      year -= 1;
      month = 12;
    }
    periods.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
  }
  return periods;
}
