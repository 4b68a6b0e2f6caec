"""A line's commission receipt: "why this number" — base, the three rates and where each came from, every
posting with its reason and time, the first estimate, the estimate now and the actual (settled) amounts.

`line_receipts` reads the receipts of the lines in the caller's row scope (the policy table's ROW_SCOPES
"OrderLine"); `receipt_for` cuts one down to the view an audience may see (server/authz/decisions.py
`receipt_view`: the table's RECEIPT_LEGS and the receipt's field rules, docs/domain.md "who sees what"): the
agency and the operator see it all; the seller sees its own amounts, legs and the total rate, never the creator or
the split; the creator sees its own rate, earnings and legs, never the total rate or the agency's share. This
module decides what a receipt says, never who may read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.authz.rules import ReceiptView
from server.models.enums import Currency, LedgerAccount, LedgerPhase, OrderLineStatus
from server.money import agency_rate_bps
from server.services.orders.commission import (
    Split,
    commission_due,
    gross_minor,
    is_attributed,
    remaining_base,
)

TOTAL_RATE_SOURCE = "REGISTRATION"  # the seller's total rate is always its registration's
# The receipt's attributes behind each rate field of OrderLineReceipt: the rate, where it came from, and whose it
# is; a viewer who may not see the field sees none of them.
RATE_ATTRIBUTES = {
    "totalRate": ("total_rate_bps", "total_rate_source", "registration_id"),
    "creatorRate": (
        "creator_rate_bps",
        "creator_rate_source",
        "creator_id",
        "showcase_entry_id",
        "list_item_id",
        "share_link_id",
    ),
    "agencyRate": ("agency_rate_bps",),
}


@dataclass(frozen=True, slots=True)
class Amounts:
    """Per party; None where the viewer may not see it."""

    seller: int | None
    creator: int | None
    agency: int | None

    @classmethod
    def of(cls, split: Split) -> Amounts:
        return cls(split.seller, split.creator, split.agency)


@dataclass(frozen=True, slots=True)
class Leg:
    account: LedgerAccount
    party_organisation_id: int
    phase: LedgerPhase
    amount_minor: int


@dataclass(frozen=True, slots=True)
class Posting:
    posting_id: str
    created_at: datetime
    reason: str
    legs: tuple[Leg, ...]


@dataclass(frozen=True, slots=True)
class Happening:
    """A platform event that concerned the line: what, when it happened, when it arrived and was applied."""

    event_id: str
    type: str
    occurred_at: datetime
    received_at: datetime
    applied_at: datetime | None
    held_reason: str | None  # why it waited (or REFUSED … when it could never apply)
    reason: str | None  # the platform's own words (cancellation, freeze, refund)


@dataclass(frozen=True, slots=True)
class Receipt:
    line_id: int
    order_id: int
    platform_order_id: str
    platform_line_id: str
    shop_id: int
    product_id: int
    sku_id: int | None
    status: OrderLineStatus
    currency: Currency
    quantity: int
    unit_price_minor: int
    gross_minor: int  # unit price paid × quantity
    refunded_quantity: int
    refunded_amount_minor: int
    base_minor: int  # gross − refunded: what the rates apply to
    # Attribution (None when unattributed, or hidden from the viewer)
    unattributed_reason: str | None
    campaign_id: int | None
    agency_id: int | None
    creator_id: int | None
    total_rate_bps: int | None
    total_rate_source: str | None  # REGISTRATION
    registration_id: int | None
    creator_rate_bps: int | None
    creator_rate_source: str | None  # SHOWCASE_ENTRY | SHOWCASE_ENTRY_DECREASE | LIST_ITEM
    showcase_entry_id: int | None
    list_item_id: int | None
    share_link_id: int | None
    agency_rate_bps: int | None  # total − creator, derived
    # Times
    placed_at: datetime
    paid_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    settle_after: datetime | None
    settled_at: datetime | None
    frozen_at: datetime | None
    cancelled_at: datetime | None
    refunded_at: datetime | None
    # Money
    first_estimate: Amounts | None  # posted at payment
    estimated: Amounts  # what is estimated and not settled yet (the ESTIMATED legs' sum)
    actual: Amounts | None  # settled (the SETTLED legs' sum), None before settlement
    due_now: Amounts  # the commission the line earns in its current state
    postings: tuple[Posting, ...]
    events: tuple[Happening, ...]


def _concerns(payload: dict[str, Any], platform_line_id: str) -> bool:
    """Whether an order event was for this line: named in line_ids / lines, or for the whole order."""
    if payload.get("line_ids") is not None:
        return platform_line_id in payload["line_ids"]
    if payload.get("type") == "order.refunded" and payload.get("lines") is not None:
        return any(spec.get("line_id") == platform_line_id for spec in payload["lines"])
    return True


async def line_receipt(session: AsyncSession, line_id: int, *, scope: ColumnElement[bool]) -> Receipt | None:
    return (await line_receipts(session, [line_id], scope=scope)).get(line_id)


async def line_receipts(
    session: AsyncSession, line_ids: Iterable[int], *, scope: ColumnElement[bool]
) -> dict[int, Receipt]:
    """The receipts of the lines among `line_ids` that `scope` (a row scope of OrderLine) keeps, in three
    statements (lines, their ledger legs, their orders' events)."""
    ids = list(dict.fromkeys(line_ids))
    if not ids:
        return {}
    rows = (
        await session.execute(
            select(models.OrderLine, models.Order)
            .join(models.Order, models.Order.id == models.OrderLine.order_id)
            .where(models.OrderLine.id.in_(ids), scope)
        )
    ).all()
    if not rows:
        return {}
    entries: dict[int | None, list[models.LedgerEntry]] = {}  # by line (the query asks for lines' only)
    for entry in await session.scalars(
        select(models.LedgerEntry)
        .where(models.LedgerEntry.order_line_id.in_([line.id for line, _ in rows]))
        .order_by(models.LedgerEntry.created_at, models.LedgerEntry.id)
    ):
        entries.setdefault(entry.order_line_id, []).append(entry)
    events: dict[int, list[models.OrderEvent]] = {}
    for event in await session.scalars(
        select(models.OrderEvent)
        .where(models.OrderEvent.order_id.in_({order.id for _, order in rows}))
        .order_by(models.OrderEvent.id)
    ):
        assert event.order_id is not None
        events.setdefault(event.order_id, []).append(event)
    return {
        line.id: _receipt(line, order, entries.get(line.id, []), events.get(order.id, []))
        for line, order in rows
    }


def _receipt(
    line: models.OrderLine,
    order: models.Order,
    entries: list[models.LedgerEntry],
    events: list[models.OrderEvent],
) -> Receipt:
    postings: dict[str, list[models.LedgerEntry]] = {}
    for entry in entries:
        postings.setdefault(entry.posting_id, []).append(entry)

    def total(phase: LedgerPhase, legs: list[models.LedgerEntry] = entries) -> Split:
        sums = {account: 0 for account in LedgerAccount}
        for leg in legs:
            if leg.phase is phase:
                sums[leg.account] += leg.amount_minor
        return Split(
            -sums[LedgerAccount.SELLER_PAYABLE],
            sums[LedgerAccount.CREATOR_EARNINGS],
            sums[LedgerAccount.AGENCY_EARNINGS],
        )

    first = next(iter(postings.values()), None)
    attributed = is_attributed(line)
    return Receipt(
        line_id=line.id,
        order_id=order.id,
        platform_order_id=order.platform_order_id,
        platform_line_id=line.platform_line_id,
        shop_id=order.shop_id,
        product_id=line.product_id,
        sku_id=line.sku_id,
        status=line.status,
        currency=line.currency,
        quantity=line.quantity,
        unit_price_minor=line.unit_price_minor,
        gross_minor=gross_minor(line),
        refunded_quantity=line.refunded_quantity,
        refunded_amount_minor=line.refunded_amount_minor,
        base_minor=remaining_base(line),
        unattributed_reason=line.unattributed_reason,
        campaign_id=line.campaign_id,
        agency_id=line.agency_id,
        creator_id=line.creator_id,
        total_rate_bps=line.total_rate_bps,
        total_rate_source=TOTAL_RATE_SOURCE if attributed else None,
        registration_id=line.registration_id,
        creator_rate_bps=line.creator_rate_bps,
        creator_rate_source=line.creator_rate_source,
        showcase_entry_id=line.showcase_entry_id,
        list_item_id=line.list_item_id,
        share_link_id=line.share_link_id,
        agency_rate_bps=(
            agency_rate_bps(line.total_rate_bps, line.creator_rate_bps)
            if line.total_rate_bps is not None and line.creator_rate_bps is not None
            else None
        ),
        placed_at=order.placed_at,
        paid_at=line.paid_at,
        shipped_at=line.shipped_at,
        delivered_at=line.delivered_at,
        settle_after=line.settle_after,
        settled_at=line.settled_at,
        frozen_at=line.frozen_at,
        cancelled_at=line.cancelled_at,
        refunded_at=line.refunded_at,
        first_estimate=None if first is None else Amounts.of(total(LedgerPhase.ESTIMATED, first)),
        estimated=Amounts.of(total(LedgerPhase.ESTIMATED)),
        actual=Amounts.of(total(LedgerPhase.SETTLED)) if line.settled_at is not None else None,
        due_now=Amounts.of(commission_due(line)),
        postings=tuple(
            Posting(
                posting_id=posting_id,
                created_at=legs[0].created_at,
                reason=legs[0].reason,
                legs=tuple(
                    Leg(leg.account, leg.party_organisation_id, leg.phase, leg.amount_minor) for leg in legs
                ),
            )
            for posting_id, legs in postings.items()
        ),
        events=tuple(
            Happening(
                event_id=row.platform_event_id,
                type=row.event_type,
                occurred_at=datetime.fromisoformat(row.payload["occurred_at"].replace("Z", "+00:00")),
                received_at=row.received_at,
                applied_at=row.applied_at,
                held_reason=row.held_reason,
                reason=row.payload.get("reason"),
            )
            for row in events
            if _concerns(row.payload, line.platform_line_id)
        ),
    )


def receipt_for(receipt: Receipt, view: ReceiptView) -> Receipt:
    """The receipt as seen through `view`: the legs of its accounts, the amounts and rates of its fields."""

    def only(amounts: Amounts) -> Amounts:
        return Amounts(
            seller=amounts.seller if "seller" in view.amounts else None,
            creator=amounts.creator if "creator" in view.amounts else None,
            agency=amounts.agency if "agency" in view.amounts else None,
        )

    hidden = {
        attribute: None
        for field, attributes in RATE_ATTRIBUTES.items()
        if field not in view.fields
        for attribute in attributes
    }
    return replace(
        receipt,
        first_estimate=None if receipt.first_estimate is None else only(receipt.first_estimate),
        estimated=only(receipt.estimated),
        actual=None if receipt.actual is None else only(receipt.actual),
        due_now=only(receipt.due_now),
        postings=tuple(
            replace(p, legs=tuple(leg for leg in p.legs if leg.account in view.legs))
            for p in receipt.postings
        ),
        **hidden,
    )
