/** How tax, bill and payout statuses read in the UI: message keys (finance.*), shown through t(). */
import type { MantineColor } from '@mantine/core';
import type { BillStatus, PayoutBlockReason, PayoutOutcome, PayoutStatus, TaxStatus } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import { getDisplayLocale } from '../../lib/format';

interface Meta {
  label: MessageKey;
  color: MantineColor;
  description: MessageKey;
}

export const TAX_STATUS: Readonly<Record<TaxStatus, Meta>> = {
  NOT_SUBMITTED: { label: 'finance.tax.notSubmitted', color: 'gray', description: 'finance.tax.notSubmittedHint' },
  PENDING_REVIEW: { label: 'finance.tax.inReview', color: 'yellow', description: 'finance.tax.inReviewHint' },
  APPROVED: { label: 'finance.tax.approved', color: 'teal', description: 'finance.tax.approvedHint' },
  REJECTED: { label: 'finance.tax.rejected', color: 'red', description: 'finance.tax.rejectedHint' },
};

export const BILL_STATUS: Readonly<Record<BillStatus, Meta>> = {
  OPEN: { label: 'finance.bill.open', color: 'gray', description: 'finance.bill.openHint' },
  ISSUED: { label: 'finance.bill.issued', color: 'indigo', description: 'finance.bill.issuedHint' },
  PAID: { label: 'finance.bill.paid', color: 'teal', description: 'finance.bill.paidHint' },
  FAILED: { label: 'finance.bill.failed', color: 'red', description: 'finance.bill.failedHint' },
};

export const PAYOUT_STATUS: Readonly<Record<PayoutStatus, Meta>> = {
  PENDING: { label: 'finance.payout.pending', color: 'gray', description: 'finance.payout.pendingHint' },
  SUCCEEDED: { label: 'finance.payout.succeeded', color: 'teal', description: 'finance.payout.succeededHint' },
  FAILED: { label: 'finance.payout.failed', color: 'red', description: 'finance.payout.failedHint' },
};

export const PAYOUT_OUTCOME: Readonly<Record<PayoutOutcome, Meta>> = {
  PAID: { label: 'finance.bill.paid', color: 'teal', description: 'finance.outcome.paidHint' },
  FAILED: { label: 'finance.payout.failed', color: 'red', description: 'finance.outcome.failedHint' },
  PAYOUT_BLOCKED: { label: 'finance.outcome.blocked', color: 'orange', description: 'finance.outcome.blockedHint' },
};

export const BLOCK_REASON_LABEL: Readonly<Record<PayoutBlockReason, MessageKey>> = {
  TAX_NOT_APPROVED: 'finance.block.taxNotApproved',
  NO_BANK_ACCOUNT: 'finance.block.noBankAccount',
  CURRENCY_MISMATCH: 'finance.block.currencyMismatch',
};

/** "2026-10" → "October 2026" (in the display language). */
export function formatPeriod(period: string, locale = getDisplayLocale()): string {
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
