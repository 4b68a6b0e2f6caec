"""The numbers every performance view shows, as SQL aggregates over order lines and the commission ledger.

Definitions (one place; every view, every role and the time series use these):

- paid orders: orders with at least one attributed line that was paid (later cancelled or refunded included:
  paid = actual + returned + still in flight, TikTok's paid_order_num).
- actual orders: orders with at least one SETTLED line (final: past the settlement window, after returns).
- GMV estimated: what buyers paid, after refunds, on the lines that are sales now (paid, not cancelled, not
  fully refunded); GMV actual: the same on SETTLED lines.
- money (seller paid, creator commission, agency commission), from the ledger: *estimated* is what the ledger
  holds for the lines now, in both phases (settled lines at their final amount); *actual* is the SETTLED phase.
  The seller's amount is the SELLER_PAYABLE legs negated (the seller pays).
- creators with sales: distinct creators credited with a line that is a sale now.

The views read these figures from the rollups (server/services/rollups/, read through rollup_figures.py), which
the upkeep keeps with the same definitions; the SQL aggregates here are the reference the rollups are checked
against (tests/rollups/recompute.py). Builders take the column collection of the order lines they aggregate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Label, SQLColumnExpression, and_, case, cast, distinct, func

from server import models
from server.models.enums import LedgerAccount, LedgerPhase, OrderLineStatus, SampleStatus
from server.services import offer_rules

Line = models.OrderLine
Entry = models.LedgerEntry

# A line that is a sale now: paid, neither cancelled nor fully refunded (a partial refund lowers its base).
SALE_STATUSES = (
    OrderLineStatus.PAID,
    OrderLineStatus.SHIPPED,
    OrderLineStatus.DELIVERED,
    OrderLineStatus.SETTLED,
    OrderLineStatus.FROZEN,
)
SAMPLE_APPROVED_STATUSES = offer_rules.CONSUMED_SAMPLE_STATUSES  # approved, and everything after it
SAMPLE_SHIPPED_STATUSES = (
    SampleStatus.SHIPPED,
    SampleStatus.DELIVERED,
    SampleStatus.CONTENT_POSTED,
    SampleStatus.OVERDUE,
)
# Ledger account -> the name of its amounts (`<name>_estimated`, `<name>_actual`), in display order.
MONEY_NAMES: dict[LedgerAccount, str] = {
    LedgerAccount.SELLER_PAYABLE: "seller_paid",
    LedgerAccount.CREATOR_EARNINGS: "creator_commission",
    LedgerAccount.AGENCY_EARNINGS: "agency_commission",
}
ALL_ACCOUNTS = frozenset(LedgerAccount)


def total(expression: SQLColumnExpression[Any]) -> ColumnElement[int]:
    """SUM as a BIGINT that is 0, never NULL, over no rows (PostgreSQL sums BIGINT to NUMERIC)."""
    return cast(func.coalesce(func.sum(expression), 0), BigInteger)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """COUNT(*) FILTER (WHERE condition), written portably."""
    return total(case((condition, 1), else_=0))


def line_base(c: Any) -> ColumnElement[int]:
    """What the buyer paid for a line after refunds (the commission base)."""
    return c.unit_price_minor * c.quantity - c.refunded_amount_minor


def order_aggregates(c: Any = Line.__table__.c, *, with_creators: bool = True) -> list[Label[Any]]:
    """Aggregates over order lines `c` (columns status, paid_at, order_id, creator_id and the base's)."""
    sale = c.status.in_(SALE_STATUSES)
    settled = c.status == OrderLineStatus.SETTLED
    columns = [
        func.count(distinct(case((c.paid_at.is_not(None), c.order_id)))).label("paid_orders"),
        func.count(distinct(case((settled, c.order_id)))).label("actual_orders"),
        total(case((sale, line_base(c)), else_=0)).label("gmv_estimated"),
        total(case((settled, line_base(c)), else_=0)).label("gmv_actual"),
    ]
    if with_creators:
        columns.append(func.count(distinct(case((sale, c.creator_id)))).label("creators_with_sales"))
    return columns


def money_aggregates(accounts: frozenset[LedgerAccount]) -> list[Label[int]]:
    """Aggregates over ledger entries (joined to the lines they belong to), for the given accounts only."""
    columns: list[Label[int]] = []
    for account, name in MONEY_NAMES.items():
        if account not in accounts:
            continue
        amount = -Entry.amount_minor if account is LedgerAccount.SELLER_PAYABLE else Entry.amount_minor
        legs = Entry.account == account
        columns.append(total(case((legs, amount), else_=0)).label(f"{name}_estimated"))
        columns.append(
            total(case((and_(legs, Entry.phase == LedgerPhase.SETTLED), amount), else_=0)).label(
                f"{name}_actual"
            )
        )
    return columns


@dataclass(frozen=True, slots=True)
class Numbers:
    """Orders, GMV and money of some lines. Money fields are None when the viewer's accounts leave them out."""

    paid_orders: int
    actual_orders: int
    gmv_estimated: int
    gmv_actual: int
    seller_paid_estimated: int | None = None
    seller_paid_actual: int | None = None
    creator_commission_estimated: int | None = None
    creator_commission_actual: int | None = None
    agency_commission_estimated: int | None = None
    agency_commission_actual: int | None = None

    @classmethod
    def from_mapping(cls, row: Mapping[Any, Any]) -> Numbers:
        """From a result row labelled as the aggregates above: a column that is there but NULL (an outer join
        without lines) is 0; a column that is not there (an account left out) is None."""
        return cls(**{f.name: int(row[f.name] or 0) for f in fields(cls) if f.name in row})

    @classmethod
    def zero(cls, accounts: frozenset[LedgerAccount]) -> Numbers:
        money = {
            f"{name}_{kind}": 0
            for a, name in MONEY_NAMES.items()
            if a in accounts
            for kind in ("estimated", "actual")
        }
        return cls(paid_orders=0, actual_orders=0, gmv_estimated=0, gmv_actual=0, **money)


def outer_figures(subqueries: Iterable[Any]) -> dict[str, ColumnElement[int]]:
    """Each aggregate of the subqueries (all but their `key` column) as 0 where a row has none (outer joins)."""
    return {c.name: func.coalesce(c, 0) for sq in subqueries for c in sq.c if c.name != "key"}
