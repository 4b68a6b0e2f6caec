"""Pure finance rules the schema may use too: who is a payee, derived statuses and billing periods."""

from __future__ import annotations

import enum
import re
from datetime import UTC, datetime

from server import models
from server.models.enums import LedgerAccount, Market, OrganisationKind, TaxInfoStatus

# Agencies and creators are paid; sellers pay (their SELLER_PAYABLE legs are never billed here).
PAYEE_KINDS = (OrganisationKind.AGENCY, OrganisationKind.CREATOR)
PAYEE_ACCOUNTS = (LedgerAccount.CREATOR_EARNINGS, LedgerAccount.AGENCY_EARNINGS)
PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def payee_market(organisation: models.Organisation, account: models.PaymentAccount | None) -> Market:
    """The payee's market: its payment account's once written, else its organisation's (an agency's first)."""
    market = organisation.market if account is None else account.market
    assert market is not None, "agencies and creators always have a market"
    return market


class TaxStatus(enum.StrEnum):
    """A payment account's tax status: its latest submission's, or NOT_SUBMITTED."""

    NOT_SUBMITTED = "NOT_SUBMITTED"
    PENDING_REVIEW = "PENDING_REVIEW"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


def tax_status(latest: TaxInfoStatus | None) -> TaxStatus:
    return TaxStatus.NOT_SUBMITTED if latest is None else TaxStatus(latest.value)


class PayoutOutcome(enum.StrEnum):
    PAID = "PAID"
    FAILED = "FAILED"  # the (simulated) transfer failed: the bill is FAILED and retried by the next run
    PAYOUT_BLOCKED = "PAYOUT_BLOCKED"  # not attempted: the bill is left as it was


class PayoutBlockReason(enum.StrEnum):
    TAX_NOT_APPROVED = "TAX_NOT_APPROVED"
    NO_BANK_ACCOUNT = "NO_BANK_ACCOUNT"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"  # the linked account is in another currency than the bill


# --- billing periods: calendar months in UTC, 'YYYY-MM' ------------------------------------------------------


def period_of(at: datetime) -> str:
    at = at.astimezone(UTC)
    return f"{at.year:04d}-{at.month:02d}"


def is_period(value: str) -> bool:
    return bool(PERIOD_RE.match(value))


def period_bounds(period: str) -> tuple[datetime, datetime]:
    """[start, end) of a 'YYYY-MM' period, in UTC."""
    match = PERIOD_RE.match(period)
    if match is None:
        raise ValueError(f"not a period: {period!r}")
    year, month = int(match[1]), int(match[2])
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def previous_period(now: datetime) -> str:
    """The last complete month before `now`."""
    start, _ = period_bounds(period_of(now))
    year, month = (start.year - 1, 12) if start.month == 1 else (start.year, start.month - 1)
    return f"{year:04d}-{month:02d}"
