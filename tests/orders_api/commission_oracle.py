"""The commission a line should hold, computed from docs/domain.md's rule with decimal arithmetic, independently of
the server's integer code (server/services/orders/commission.py): a wrong formula there fails the tests that use it.

base = unit price actually paid × quantity − refunded amount; the seller pays base × total rate / 10000 and the
creator earns base × creator rate / 10000, each rounded half-up to the minor unit; the agency earns the difference.
A line owes nothing before payment, after cancellation, or without attribution.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from server import models
from server.services.orders.commission import Split


def expected_commission(line: models.OrderLine) -> tuple[int, int, int]:
    """(seller pays, creator earns, agency earns) in minor units."""
    if line.campaign_id is None or line.paid_at is None or line.cancelled_at is not None:
        return (0, 0, 0)
    assert line.total_rate_bps is not None and line.creator_rate_bps is not None
    base = Decimal(line.unit_price_minor) * line.quantity - line.refunded_amount_minor

    def share(rate_bps: int) -> int:
        return int((base * rate_bps / Decimal(10_000)).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    seller, creator = share(line.total_rate_bps), share(line.creator_rate_bps)
    return (seller, creator, seller - creator)


def held(split: Split) -> tuple[int, int, int]:
    """A ledger total as the same triple."""
    return (split.seller, split.creator, split.agency)
