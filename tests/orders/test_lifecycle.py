"""Out-of-order events are held until their prerequisite arrives, refused when they can never apply — never
applied wrongly — and each line's status follows its facts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from server import models
from server.models.enums import OrderLineStatus
from tests.orders.conftest import ledger_of, lines_of, stored
from tests.orders.test_ingestion_errors import assert_error
from tests.orders.world import created, event, line

EST = "ESTIMATED"


def two_lines(ow, clock, order_id: str = "o-1"):  # noqa: ANN001, ANN201
    a, b = ow.us.registered
    attribution = {"showcase_entry_id": a.entry_gid("alice")}
    return created(
        order_id,
        clock.now(),
        [
            line("1", a, quantity=2, price="40.00", currency=ow.us.currency, attribution=attribution),
            line(
                "2",
                b,
                price="19.99",
                currency=ow.us.currency,
                attribution={"showcase_entry_id": b.entry_gid("alice")},
            ),
        ],
    )


async def events_of(rt, order_id: str) -> list[tuple[str, str | None, bool]]:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        rows = await s.execute(
            select(models.OrderEvent.event_type, models.OrderEvent.held_reason, models.OrderEvent.applied_at)
            .where(models.OrderEvent.platform_order_id == order_id)
            .order_by(models.OrderEvent.id)
        )
        return [(kind, reason, applied is not None) for kind, reason, applied in rows]


async def test_delivered_before_paid_is_held_then_applied(rt, ow, us, clock) -> None:
    assert (await us.send(two_lines(ow, clock))).status_code == 200
    delivered_at = clock.now() + timedelta(hours=1)
    clock.set(delivered_at + timedelta(hours=1))
    response = await us.send(event("delivered", "o-1", delivered_at))
    assert response.status_code == 202
    assert response.json() == {
        "id": response.json()["id"],
        "status": "held",
        "duplicate": False,
        "held_reason": "WAITING_FOR_PAYMENT",
    }
    assert [line.status for line in await lines_of(rt, "o-1")] == [OrderLineStatus.PLACED] * 2
    assert all(line.delivered_at is None for line in await lines_of(rt, "o-1"))

    assert (await us.send(event("paid", "o-1", delivered_at - timedelta(minutes=30)))).json()[
        "status"
    ] == "applied"
    lines = await lines_of(rt, "o-1")
    assert [line.status for line in lines] == [OrderLineStatus.DELIVERED] * 2
    assert all(line.settle_after == delivered_at + timedelta(days=15) for line in lines)
    assert await events_of(rt, "o-1") == [
        ("order.created", None, True),
        ("order.delivered", "WAITING_FOR_PAYMENT", True),
        ("order.paid", None, True),
    ]


async def test_events_for_an_unknown_order_wait_for_it(rt, ow, us, clock) -> None:
    order = two_lines(ow, clock)
    for kind in ("paid", "shipped", "delivered"):
        response = await us.send(event(kind, "o-1", clock.now()))
        assert (response.status_code, response.json()["held_reason"]) == (202, "WAITING_FOR_ORDER")
    refund = event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}])
    assert (await us.send(refund)).json()["held_reason"] == "WAITING_FOR_ORDER"
    assert (await stored(rt))["orders"] == 0

    assert (await us.send(order)).json()["status"] == "applied"
    first, second = await lines_of(rt, "o-1")
    assert (first.status, first.refunded_quantity, second.status) == (
        OrderLineStatus.DELIVERED,
        1,
        OrderLineStatus.DELIVERED,
    )
    # 1 × 40.00 left at 2000/1500; 19.99 at 2000/1500 → 4.00 / 3.00 / 1.00
    assert await ledger_of(rt, first.id) == {
        (EST, "SELLER_PAYABLE"): -800,
        (EST, "CREATOR_EARNINGS"): 600,
        (EST, "AGENCY_EARNINGS"): 200,
    }
    assert await ledger_of(rt, second.id) == {
        (EST, "SELLER_PAYABLE"): -400,
        (EST, "CREATOR_EARNINGS"): 300,
        (EST, "AGENCY_EARNINGS"): 100,
    }
    assert all(applied for _, _, applied in await events_of(rt, "o-1"))


async def test_unfrozen_before_frozen_waits_for_the_freeze(rt, ow, us, clock) -> None:
    for body in (two_lines(ow, clock), event("paid", "o-1", clock.now())):
        await us.send(body)
    frozen_at, released_at = clock.now() + timedelta(minutes=1), clock.now() + timedelta(minutes=2)
    clock.advance(timedelta(minutes=3))
    response = await us.send(event("unfrozen", "o-1", released_at, line_ids=["1"]))
    assert response.json()["held_reason"] == "WAITING_FOR_FREEZE"
    assert (
        await us.send(event("frozen", "o-1", frozen_at, line_ids=["1"], reason="risk review"))
    ).status_code == 200
    assert [line.status for line in await lines_of(rt, "o-1")] == [OrderLineStatus.PAID, OrderLineStatus.PAID]


async def test_a_stale_release_is_refused(rt, ow, us, clock) -> None:
    for body in (two_lines(ow, clock), event("paid", "o-1", clock.now())):
        await us.send(body)
    clock.advance(timedelta(minutes=5))
    await us.send(event("frozen", "o-1", clock.now()))
    response = await us.send(event("unfrozen", "o-1", clock.now() - timedelta(minutes=1), line_ids=["2"]))
    assert_error(response, 409, "STALE_EVENT", ["line_ids", "0"])
    assert [line.status for line in await lines_of(rt, "o-1")] == [OrderLineStatus.FROZEN] * 2


async def test_a_held_event_that_can_never_apply_is_refused_when_its_order_arrives(rt, ow, us, clock) -> None:
    too_much = event(
        "refunded", "o-1", clock.now(), lines=[{"line_id": "2", "amount": "25.00", "currency": "USD"}]
    )
    assert (await us.send(too_much)).status_code == 202
    await us.send(two_lines(ow, clock))
    await us.send(event("paid", "o-1", clock.now()))
    ((_, reason, applied),) = [e for e in await events_of(rt, "o-1") if e[0] == "order.refunded"]
    assert reason.startswith("REFUSED REFUND_EXCEEDS_PAID") and not applied
    again = await us.send(too_much)
    assert again.json()["status"] == "refused" and again.json()["duplicate"] is True
    (_, second) = await lines_of(rt, "o-1")
    assert second.refunded_amount_minor == 0


async def test_cancellation_rules(rt, ow, us, clock) -> None:
    await us.send(two_lines(ow, clock))
    await us.send(event("paid", "o-1", clock.now()))
    await us.send(event("delivered", "o-1", clock.now(), line_ids=["1"]))
    assert_error(
        await us.send(event("cancelled", "o-1", clock.now(), line_ids=["1"])),
        409,
        "NOT_CANCELLABLE",
        ["line_ids", "0"],
    )
    assert_error(
        await us.send(event("cancelled", "o-1", clock.now(), line_ids=["3"])),
        422,
        "UNKNOWN_LINE",
        ["line_ids", "0"],
    )
    assert (
        await us.send(event("cancelled", "o-1", clock.now(), line_ids=["2"], reason="out of stock"))
    ).status_code == 200
    first, second = await lines_of(rt, "o-1")
    assert (first.status, second.status) == (OrderLineStatus.DELIVERED, OrderLineStatus.CANCELLED)
    assert await ledger_of(rt, second.id) == {}  # estimated at payment, reversed at cancellation
    for kind, code in (
        ("delivered", "LINE_CANCELLED"),
        ("frozen", "LINE_CANCELLED"),
        ("cancelled", "ALREADY_CANCELLED"),
    ):
        assert_error(
            await us.send(event(kind, "o-1", clock.now(), line_ids=["2"])), 409, code, ["line_ids", "0"]
        )
    refund = event("refunded", "o-1", clock.now(), lines=[{"line_id": "2", "quantity": 1}])
    assert_error(await us.send(refund), 409, "LINE_CANCELLED", ["lines", "0", "line_id"])
    # Order-wide events leave the cancelled line out.
    assert (await us.send(event("frozen", "o-1", clock.now()))).status_code == 200
    assert [line.status for line in await lines_of(rt, "o-1")] == [
        OrderLineStatus.FROZEN,
        OrderLineStatus.CANCELLED,
    ]


async def test_an_unpaid_cancelled_order_never_earns(rt, ow, us, clock) -> None:
    await us.send(two_lines(ow, clock))
    assert (await us.send(event("cancelled", "o-1", clock.now()))).status_code == 200
    assert_error(await us.send(event("paid", "o-1", clock.now())), 409, "LINE_CANCELLED", ["order_id"])
    assert_error(
        await us.send(event("cancelled", "o-1", clock.now())), 409, "ALREADY_CANCELLED", ["order_id"]
    )
    assert (await stored(rt))["ledger_entries"] == 0


async def test_a_line_can_ship_and_deliver_on_its_own(rt, ow, us, clock) -> None:
    await us.send(two_lines(ow, clock))
    await us.send(event("paid", "o-1", clock.now()))
    await us.send(event("shipped", "o-1", clock.now(), line_ids=["2"]))
    await us.send(event("delivered", "o-1", clock.now(), line_ids=["1"]))  # delivered without a shipped event
    assert [line.status for line in await lines_of(rt, "o-1")] == [
        OrderLineStatus.DELIVERED,
        OrderLineStatus.SHIPPED,
    ]
    assert (
        await us.send(event("shipped", "o-1", clock.now(), line_ids=["1"]))
    ).status_code == 200  # late news
    assert [line.status for line in await lines_of(rt, "o-1")] == [
        OrderLineStatus.DELIVERED,
        OrderLineStatus.SHIPPED,
    ]
