"""Settlement on the moving clock: final after the market's window following delivery, once; frozen lines wait
and resume when released; cancelled and refunded lines never settle; several settlers never settle twice."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from server.models.enums import OrderLineStatus
from server.services.orders.settlement import settle_due_lines
from server.settings import Settings
from tests.orders.conftest import ledger_of, lines_of
from tests.orders.test_ingestion_errors import assert_error
from tests.orders.world import created, event, line

SETTLED_40 = {
    ("SETTLED", "SELLER_PAYABLE"): -800,
    ("SETTLED", "CREATOR_EARNINGS"): 600,
    ("SETTLED", "AGENCY_EARNINGS"): 200,
}
ESTIMATED_40 = {
    ("ESTIMATED", "SELLER_PAYABLE"): -800,
    ("ESTIMATED", "CREATOR_EARNINGS"): 600,
    ("ESTIMATED", "AGENCY_EARNINGS"): 200,
}


async def delivered_order(
    integration, shop, clock, order_id: str = "o-1", *, price: str = "40.00", creator: str = "alice"
) -> None:  # noqa: ANN001
    product = shop.registered[0]
    for body in (
        created(
            order_id,
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price=price,
                    currency=shop.currency,
                    attribution={"showcase_entry_id": product.entry_gid(creator)},
                )
            ],
        ),
        event("paid", order_id, clock.now()),
        event("delivered", order_id, clock.now()),
    ):
        response = await integration.send(body)
        assert response.status_code == 200, response.text


async def test_a_us_line_settles_15_days_after_delivery_once(rt, ow, us, clock) -> None:
    await delivered_order(us, ow.us, clock)
    (row,) = await lines_of(rt, "o-1")
    assert row.settle_after == clock.now() + timedelta(days=15)
    clock.advance(timedelta(days=15) - timedelta(seconds=1))
    assert await settle_due_lines(rt) == 0
    assert await ledger_of(rt, row.id) == ESTIMATED_40
    clock.advance(timedelta(seconds=1))
    assert await settle_due_lines(rt) == 1
    (row,) = await lines_of(rt, "o-1")
    assert (row.status, row.settled_at) == (OrderLineStatus.SETTLED, clock.now())
    assert await ledger_of(rt, row.id) == SETTLED_40  # the estimate released, the actual posted
    assert await settle_due_lines(rt) == 0
    assert await ledger_of(rt, row.id) == SETTLED_40
    refund = event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}])
    assert_error(await us.send(refund), 409, "LINE_SETTLED", ["lines", "0", "line_id"])
    assert_error(await us.send(event("frozen", "o-1", clock.now())), 409, "LINE_SETTLED", ["order_id"])


async def test_vietnam_settles_after_7_days(rt, ow, vn, clock) -> None:
    await delivered_order(vn, ow.vn, clock, price="99999", creator="bao")
    clock.advance(timedelta(days=7))
    assert await settle_due_lines(rt) == 1
    (row,) = await lines_of(rt, "o-1")
    assert await ledger_of(rt, row.id) == {
        ("SETTLED", "SELLER_PAYABLE"): -12500,
        ("SETTLED", "CREATOR_EARNINGS"): 10750,
        ("SETTLED", "AGENCY_EARNINGS"): 1750,
    }


async def test_the_window_is_configurable_per_market(rt, ow, us, clock) -> None:
    assert Settings(_env_file=None, settlement_window_days={"US": 3}).settlement_window_days == {
        "ID": 15,
        "MY": 7,
        "PH": 7,
        "TH": 7,
        "VN": 7,
        "GB": 7,
        "US": 3,
    }
    rt.settings.settlement_window_days["US"] = 3
    await delivered_order(us, ow.us, clock)
    clock.advance(timedelta(days=3))
    assert await settle_due_lines(rt) == 1


async def test_frozen_lines_wait_and_resume_when_released(rt, ow, us, clock) -> None:
    await delivered_order(us, ow.us, clock)
    clock.advance(timedelta(days=2))
    await us.send(event("frozen", "o-1", clock.now(), reason="risk review"))
    clock.advance(timedelta(days=30))
    assert await settle_due_lines(rt) == 0
    (row,) = await lines_of(rt, "o-1")
    assert row.status == OrderLineStatus.FROZEN and await ledger_of(rt, row.id) == ESTIMATED_40
    await us.send(event("unfrozen", "o-1", clock.now()))
    (row,) = await lines_of(rt, "o-1")
    assert row.status == OrderLineStatus.DELIVERED
    assert await settle_due_lines(rt) == 1
    assert await ledger_of(rt, row.id) == SETTLED_40


async def test_a_line_frozen_before_delivery_keeps_its_facts(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-1",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        )
    )
    await us.send(event("frozen", "o-1", clock.now()))
    await us.send(event("paid", "o-1", clock.now()))
    await us.send(event("delivered", "o-1", clock.now()))
    (row,) = await lines_of(rt, "o-1")
    assert row.status == OrderLineStatus.FROZEN and row.delivered_at == clock.now()
    clock.advance(timedelta(days=16))
    assert await settle_due_lines(rt) == 0
    await us.send(event("unfrozen", "o-1", clock.now()))
    assert await settle_due_lines(rt) == 1


async def test_cancelled_and_refunded_lines_never_settle(rt, ow, us, clock) -> None:
    await delivered_order(us, ow.us, clock, "o-1")
    await us.send(event("refunded", "o-1", clock.now()))
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-2",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        )
    )
    await us.send(event("paid", "o-2", clock.now()))
    await us.send(event("cancelled", "o-2", clock.now()))
    clock.advance(timedelta(days=60))
    assert await settle_due_lines(rt) == 0
    for order_id, status in (("o-1", OrderLineStatus.REFUNDED), ("o-2", OrderLineStatus.CANCELLED)):
        (row,) = await lines_of(rt, order_id)
        assert row.status == status and await ledger_of(rt, row.id) == {}


async def test_unattributed_lines_settle_without_postings(rt, ow, us, clock) -> None:
    await us.send(
        created("o-1", clock.now(), [line("1", ow.us.organic, price="25.00", currency=ow.us.currency)])
    )
    await us.send(event("paid", "o-1", clock.now()))
    await us.send(event("delivered", "o-1", clock.now()))
    clock.advance(timedelta(days=15))
    assert await settle_due_lines(rt) == 1
    (row,) = await lines_of(rt, "o-1")
    assert row.status == OrderLineStatus.SETTLED and await ledger_of(rt, row.id) == {}


async def test_several_settlers_at_once_settle_each_line_once(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    events = []
    for n in range(30):
        order_id = f"o-{n}"
        events += [
            created(
                order_id,
                clock.now(),
                [
                    line(
                        "1",
                        product,
                        price="40.00",
                        currency=ow.us.currency,
                        attribution={"showcase_entry_id": product.entry_gid("alice")},
                    )
                ],
            ),
            event("paid", order_id, clock.now()),
            event("delivered", order_id, clock.now()),
        ]
    assert (await us.batch(events)).status_code == 200
    clock.advance(timedelta(days=15))
    counts = await asyncio.gather(*(settle_due_lines(rt, batch=7) for _ in range(5)))
    assert sum(counts) == 30
    for n in range(30):
        (row,) = await lines_of(rt, f"o-{n}")
        assert row.status == OrderLineStatus.SETTLED and await ledger_of(rt, row.id) == SETTLED_40
