"""Order lines for the visibility matrix (tests/schema/test_visibility_matrix.py `connect_tenants_a`): seller A sold
its registered product through creator A's showcase entry of agency A's campaign (paid, shipped, delivered and
settled, with its ledger postings), and its other product organically (paid, unattributed), so that every OrderLine
field is filled where the domain fills it (ORDERS_EMPTY_BY_DESIGN says where it does not)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Currency, LedgerPhase, Market, OrderLineStatus
from server.services.orders import ledger
from server.services.orders.commission import ZERO
from tests.plugins.api import World

Line = models.OrderLine


def _null(column) -> Select[tuple[int]]:  # noqa: ANN001
    return select(Line.id).where(column.is_(None))


ORDERS_EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # An unattributed line has no campaign, creator or rates; only it has a reason.
    **{
        ("OrderLine", name): _null(Line.campaign_id)
        for name in (
            "campaign",
            "campaignName",
            "agencyName",
            "creator",
            "creatorName",
            "totalRateBps",
            "creatorRateBps",
            "agencyRateBps",
        )
    },
    ("OrderLine", "unattributedReason"): _null(Line.unattributed_reason),
    # A line that is only paid has not shipped, been delivered or settled yet.
    ("OrderLine", "shippedAt"): _null(Line.shipped_at),
    ("OrderLine", "deliveredAt"): _null(Line.delivered_at),
    ("OrderLine", "settleAfter"): _null(Line.settle_after),
    ("OrderLine", "settledAt"): _null(Line.settled_at),
}


async def seed_orders(
    s: AsyncSession, world: World, registration: models.Registration, now: datetime
) -> None:
    shop_id = world["seller_a"].organisation_id
    entry = await s.scalar(
        select(models.ShowcaseEntry).where(
            models.ShowcaseEntry.registration_id == registration.id,
            models.ShowcaseEntry.creator_id == world["creator_a"].organisation_id,
        )
    )
    assert entry is not None, "connect_creator_side adds creator A's entry first"
    skus = dict((await s.execute(select(models.Sku.product_id, models.Sku.id))).all())
    order = models.Order(
        shop_id=shop_id,
        platform_order_id="matrix-order-1",
        market=Market.TH,
        currency=Currency.THB,
        placed_at=now - timedelta(days=10),
        created_at=now - timedelta(days=10),
    )
    s.add(order)
    await s.flush()
    paid, delivered = now - timedelta(days=10), now - timedelta(days=8)
    common = dict(order_id=order.id, currency=Currency.THB, created_at=paid, updated_at=now, paid_at=paid)
    sold = Line(
        platform_line_id="1",
        product_id=registration.product_id,
        sku_id=skus[registration.product_id],
        quantity=2,
        unit_price_minor=29900,
        status=OrderLineStatus.SETTLED,
        refunded_quantity=1,
        refunded_amount_minor=29900,
        refunded_at=paid + timedelta(days=1),
        showcase_entry_id=entry.id,
        share_link_id=entry.share_link_id,
        list_item_id=entry.list_item_id,
        campaign_id=registration.campaign_id,
        registration_id=registration.id,
        creator_id=entry.creator_id,
        agency_id=world["agency_a"].organisation_id,
        total_rate_bps=registration.total_rate_bps,
        creator_rate_bps=entry.creator_rate_bps,
        creator_rate_source="SHOWCASE_ENTRY",
        shipped_at=paid + timedelta(hours=5),
        delivered_at=delivered,
        settle_after=delivered + timedelta(days=7),
        **common,
    )
    organic_product = world.products["seller_a"][1]
    organic = Line(
        platform_line_id="2",
        product_id=organic_product,
        sku_id=skus[organic_product],
        quantity=1,
        unit_price_minor=29901,
        status=OrderLineStatus.PAID,
        refunded_quantity=0,
        refunded_amount_minor=0,
        unattributed_reason="NO_ATTRIBUTION",
        **common,
    )
    s.add_all([sold, organic])
    await s.flush()
    held = {phase: ZERO for phase in ledger.PHASES}
    legs: list[ledger.Leg] = []
    ledger.reconcile_line(legs, sold, shop_id, held, "Estimated at payment", paid)
    sold.settled_at = now - timedelta(hours=1)
    ledger.reconcile_line(
        legs,
        sold,
        shop_id,
        held,
        {LedgerPhase.ESTIMATED: "Settlement: the estimate is released", LedgerPhase.SETTLED: "Settled"},
        now,
    )
    await ledger.write_legs(s, legs)
