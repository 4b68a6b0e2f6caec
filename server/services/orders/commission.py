"""The commission math (docs/domain.md "Orders, commission and finance"), in integer minor units only.

base = paid unit price × quantity − refunded; seller pays = round_half_up(base × total / 10000);
creator earns = round_half_up(base × creator / 10000); agency earns = seller pays − creator earns.
A partial refund recomputes on the remaining base; the ledger posts the difference.
"""

from __future__ import annotations

from dataclasses import dataclass

from server import models
from server.money import apply_rate


@dataclass(frozen=True, slots=True)
class Split:
    """What one line's commission is for each party (all ≥ 0 for a commission, signed for a difference)."""

    seller: int  # the seller pays
    creator: int
    agency: int

    def __sub__(self, other: Split) -> Split:
        return Split(self.seller - other.seller, self.creator - other.creator, self.agency - other.agency)

    def __add__(self, other: Split) -> Split:
        return Split(self.seller + other.seller, self.creator + other.creator, self.agency + other.agency)

    @property
    def is_zero(self) -> bool:
        return self.seller == 0 and self.creator == 0 and self.agency == 0


ZERO = Split(0, 0, 0)


def split(base_minor: int, total_rate_bps: int, creator_rate_bps: int) -> Split:
    if creator_rate_bps > total_rate_bps:
        raise ValueError("the creator rate is part of the total rate")
    seller = apply_rate(base_minor, total_rate_bps)
    creator = apply_rate(base_minor, creator_rate_bps)
    return Split(seller=seller, creator=creator, agency=seller - creator)


def gross_minor(line: models.OrderLine) -> int:
    """What the buyer paid for the line: unit price actually paid × quantity."""
    return line.unit_price_minor * line.quantity


def remaining_base(line: models.OrderLine) -> int:
    """The commission base after refunds (refunds by quantity are counted in refunded_amount_minor too)."""
    return gross_minor(line) - line.refunded_amount_minor


def fully_refunded(line: models.OrderLine) -> bool:
    return line.refunded_quantity == line.quantity or (
        line.refunded_amount_minor > 0 and line.refunded_amount_minor == gross_minor(line)
    )


def is_attributed(line: models.OrderLine) -> bool:
    return line.campaign_id is not None


def commission_due(line: models.OrderLine) -> Split:
    """The line's commission now: nothing before payment, after cancellation, or without attribution."""
    if not is_attributed(line) or line.paid_at is None or line.cancelled_at is not None:
        return ZERO
    assert line.total_rate_bps is not None and line.creator_rate_bps is not None
    return split(remaining_base(line), line.total_rate_bps, line.creator_rate_bps)
