"""Idempotency by (shop, platform event id): a retried event changes nothing, a reused id is refused."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from server import models
from tests.orders.conftest import ledger_of, lines_of, stored
from tests.orders.test_ingestion_errors import assert_error
from tests.orders.world import created, event, line


def order_of(ow, clock, order_id: str = "o-1", price: str = "40.00"):  # noqa: ANN001, ANN201
    product = ow.us.registered[0]
    return created(
        order_id,
        clock.now(),
        [
            line(
                "1",
                product,
                price=price,
                currency=ow.us.currency,
                attribution={"showcase_entry_id": product.entry_gid("alice")},
            )
        ],
    )


async def test_a_retried_event_is_accepted_and_changes_nothing(rt, ow, us, clock) -> None:
    order, paid = order_of(ow, clock), event("paid", "o-1", clock.now())
    for body in (order, paid):
        response = await us.send(body)
        assert response.json() == {"id": body["id"], "status": "applied", "duplicate": False}
    before = await stored(rt)
    (line_row,) = await lines_of(rt, "o-1")
    ledger = await ledger_of(rt, line_row.id)
    clock.advance(timedelta(minutes=1))
    for body in (
        paid,
        order,
        json.loads(json.dumps(paid, indent=3, sort_keys=True)),
    ):  # same event, other spacing
        response = await us.send(json.dumps(body, indent=1).encode())
        assert response.status_code == 200, response.text
        assert response.json() == {"id": body["id"], "status": "applied", "duplicate": True}
    assert await stored(rt) == before
    assert await ledger_of(rt, line_row.id) == ledger
    (again,) = await lines_of(rt, "o-1")
    assert (again.version, again.updated_at) == (line_row.version, line_row.updated_at)


async def test_the_same_id_with_another_body_is_refused(rt, ow, us, clock) -> None:
    order = order_of(ow, clock)
    assert (await us.send(order)).status_code == 200
    before = await stored(rt)
    changed = order_of(ow, clock, price="41.00") | {"id": order["id"]}
    assert_error(await us.send(changed), 409, "EVENT_ID_REUSED", ["id"])
    other_type = event("paid", "o-1", clock.now(), event_id=order["id"])
    assert_error(await us.send(other_type), 409, "EVENT_ID_REUSED", ["id"])
    assert await stored(rt) == before
    (line_row,) = await lines_of(rt, "o-1")
    assert line_row.unit_price_minor == 4000 and line_row.paid_at is None


async def test_event_ids_are_per_shop(rt, ow, us, vn, clock) -> None:
    ours = order_of(ow, clock)
    assert (await us.send(ours)).status_code == 200
    product = ow.vn.registered[0]
    theirs = created("o-1", clock.now(), [line("1", product, price="99999", currency=ow.vn.currency)]) | {
        "id": ours["id"]
    }
    assert (await vn.send(theirs)).json()["status"] == "applied"


async def test_an_order_is_created_once(rt, ow, us, clock) -> None:
    assert (await us.send(order_of(ow, clock))).status_code == 200
    before = await stored(rt)
    assert_error(await us.send(order_of(ow, clock)), 409, "ORDER_EXISTS", ["order_id"])
    assert await stored(rt) == before


async def test_duplicated_delivery_payment_and_shipment_are_refused(rt, ow, us, clock) -> None:
    for body in (
        order_of(ow, clock),
        event("paid", "o-1", clock.now()),
        event("shipped", "o-1", clock.now()),
        event("delivered", "o-1", clock.now()),
    ):
        assert (await us.send(body)).json()["status"] == "applied"
    (delivered,) = await lines_of(rt, "o-1")
    before = await stored(rt)
    clock.advance(timedelta(days=1))
    assert_error(
        await us.send(event("delivered", "o-1", clock.now())), 409, "ALREADY_DELIVERED", ["order_id"]
    )
    assert_error(
        await us.send(event("delivered", "o-1", clock.now(), line_ids=["1"])),
        409,
        "ALREADY_DELIVERED",
        ["line_ids", "0"],
    )
    assert_error(await us.send(event("paid", "o-1", clock.now())), 409, "ALREADY_PAID", ["order_id"])
    assert_error(await us.send(event("shipped", "o-1", clock.now())), 409, "ALREADY_SHIPPED", ["order_id"])
    assert await stored(rt) == before
    (after,) = await lines_of(rt, "o-1")
    assert (after.delivered_at, after.settle_after, after.version) == (
        delivered.delivered_at,
        delivered.settle_after,
        delivered.version,
    )


async def test_a_batch_applies_each_event_once_and_reports_each(rt, ow, us, clock) -> None:
    order, paid = order_of(ow, clock), event("paid", "o-1", clock.now())
    bad = event("paid", "o-2", clock.now()) | {"occurred_at": "yesterday"}
    response = await us.batch([order, paid, paid, bad, event("delivered", "o-1", clock.now())])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [(r["index"], r["status"], r["duplicate"]) for r in results] == [
        (0, "applied", False),
        (1, "applied", False),
        (2, "applied", True),
        (3, "refused", False),
        (4, "applied", False),
    ]
    assert results[3]["error"]["code"] == "INVALID_TIME" and results[3]["error"]["field"] == [
        "events",
        "3",
        "occurred_at",
    ]
    async with rt.sessionmaker() as s:
        ids = list(
            await s.scalars(select(models.OrderEvent.platform_event_id).order_by(models.OrderEvent.id))
        )
    assert ids == [order["id"], paid["id"], results[4]["id"]]
    # The whole batch again: every event a duplicate, nothing new.
    before = await stored(rt)
    again = (await us.batch([order, paid])).json()["results"]
    assert [r["duplicate"] for r in again] == [True, True] and await stored(rt) == before


async def test_batch_envelope_errors(rt, us, ow, clock) -> None:
    for body, code, status in (
        (b'{"events": []}', "REQUIRED", 422),
        (b"[]", "INVALID_BATCH", 400),
        (b'{"events": [], "x": 1}', "INVALID_BATCH", 400),
    ):
        headers = us.headers(body)
        response = await us.http.post("/integrations/orders/batch", content=body, headers=headers)
        assert_error(response, status, code, ["events"])
    too_many = [event("paid", f"o-{i}", clock.now()) for i in range(501)]
    assert_error(await us.batch(too_many), 413, "TOO_MANY_EVENTS", ["events"])
    assert (await stored(rt))["order_events"] == 0
