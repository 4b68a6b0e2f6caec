"""Thin live events after order lines change, sent after commit: the shop's line channel, the creator's and the
agency's commissions, and the campaign's figures.

A line event says what the unit of work did to the line's commission, in order, under `commission`: ESTIMATED
(paid), ADJUSTED (changed after that: `adjustments` says how — REFUND, CANCEL, FREEZE, RELEASE, DISPUTE) or
SETTLED. The webhook event types commission.estimated / adjusted / settled are raised from it
(server/webhooks/events.py); a line event without it (created, shipped, delivered) raises none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from server import models
from server.events import channels
from server.services.orders import payloads as p
from server.services.unit_of_work import UnitOfWork

ESTIMATED, ADJUSTED, SETTLED = "ESTIMATED", "ADJUSTED", "SETTLED"
# What an event applied to a line that was paid does to its commission: (change, adjustment)
_BY_EVENT: dict[type[p.Event], tuple[str, str | None]] = {
    p.OrderPaid: (ESTIMATED, None),
    p.OrderRefunded: (ADJUSTED, "REFUND"),
    p.OrderCancelled: (ADJUSTED, "CANCEL"),
    p.OrderFrozen: (ADJUSTED, "FREEZE"),
    p.OrderUnfrozen: (ADJUSTED, "RELEASE"),
}


@dataclass(slots=True)
class CommissionChanges:
    """What one unit of work did to one line's commission, in order."""

    changes: list[str] = field(default_factory=list[str])  # ESTIMATED, ADJUSTED, SETTLED
    adjustments: list[str] = field(default_factory=list[str])  # how it was adjusted
    seller: bool = (
        True  # False: the seller's figures did not move (a dispute moves the agency's to the creator)
    )

    def add(self, change: str, adjustment: str | None = None) -> CommissionChanges:
        if change not in self.changes:
            self.changes.append(change)
        if adjustment is not None:
            self.adjustments.append(adjustment)
        return self

    def into(self, event: dict[str, Any]) -> dict[str, Any]:
        event = {**event, "commission": list(self.changes)}
        if self.adjustments:
            event["adjustments"] = list(self.adjustments)
        return event


Changes = Mapping[models.OrderLine, CommissionChanges]


def note_event(
    changes: dict[models.OrderLine, CommissionChanges], line: models.OrderLine, event: p.Event
) -> None:
    """Notes what an order event just applied to `line` did to its commission. Only a paid line has one: an
    unpaid line cancelled or frozen has nothing to adjust (its payment, if it comes, is the estimate)."""
    kind = _BY_EVENT.get(type(event))
    if kind is not None and line.paid_at is not None:
        changes.setdefault(line, CommissionChanges()).add(*kind)


def publish_line_changes(
    uow: UnitOfWork, lines: Iterable[tuple[models.OrderLine, int]], changes: Changes | None = None
) -> None:
    campaigns: set[int] = set()
    for line, shop_id in lines:
        shop_event = event = {"orderLineId": line.id, "orderId": line.order_id, "status": line.status.value}
        money = (changes or {}).get(line)
        if money is not None and money.changes:
            event = money.into(event)
            shop_event = event if money.seller else shop_event
        uow.publish_after_commit(channels.order_lines_of_shop(shop_id), shop_event)
        if line.campaign_id is not None:
            assert line.creator_id is not None and line.agency_id is not None  # an attributed line has both
            uow.publish_after_commit(channels.commissions_of_org(line.creator_id), event)
            uow.publish_after_commit(channels.commissions_of_org(line.agency_id), event)
            campaigns.add(line.campaign_id)
    for campaign_id in sorted(campaigns):
        uow.publish_after_commit(channels.campaign_numbers(campaign_id), {"campaignId": campaign_id})
