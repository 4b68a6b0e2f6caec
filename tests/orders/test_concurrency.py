"""Exactly-once effects: the same events sent from many tasks at once (PostgreSQL), and a request that
crashes after its ledger write is staged, then is retried."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from server import models
from server.services.orders import ledger
from tests.orders.conftest import ledger_of, lines_of, stored
from tests.orders.world import created, event, line

EST = "ESTIMATED"


def sequence(ow, clock, order_id: str):  # noqa: ANN001, ANN201
    a, b = ow.us.registered
    return [
        created(
            order_id,
            clock.now(),
            [
                line(
                    "1",
                    a,
                    quantity=3,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": a.entry_gid("alice")},
                ),
                line(
                    "2",
                    b,
                    price="19.99",
                    currency=ow.us.currency,
                    attribution={"share_link_token": ow.us.share_token, "creator": "carol"},
                ),
            ],
            event_id=f"{order_id}-created",
        ),
        event("paid", order_id, clock.now(), event_id=f"{order_id}-paid"),
        event(
            "refunded",
            order_id,
            clock.now(),
            lines=[{"line_id": "1", "quantity": 1}],
            event_id=f"{order_id}-refund-1",
        ),
        event(
            "refunded",
            order_id,
            clock.now(),
            lines=[{"line_id": "1", "amount": "5.00", "currency": "USD"}],
            event_id=f"{order_id}-refund-2",
        ),
        event("delivered", order_id, clock.now(), event_id=f"{order_id}-delivered"),
    ]


async def test_the_same_events_from_many_tasks_apply_once(rt, ow, us, clock) -> None:
    orders = [f"o-{n}" for n in range(3)]
    rng = random.Random(5)

    async def sender(n: int) -> list[int]:
        # Each task sends every order's events in order, the orders interleaved differently, some as a batch.
        plan = [sequence(ow, clock, order_id) for order_id in orders]
        rng.shuffle(plan)
        codes = []
        for events in plan:
            if n % 3 == 0:
                codes.append((await us.batch(events)).status_code)
            else:
                codes += [(await us.send(e)).status_code for e in events]
        return codes

    results = await asyncio.gather(*(sender(n) for n in range(16)))
    assert Counter(code for codes in results for code in codes).keys() <= {200, 202}

    async with rt.sessionmaker() as s:
        ids = Counter(await s.scalars(select(models.OrderEvent.platform_event_id)))
        assert await ledger.unbalanced_postings(s) == []
        postings = await s.scalar(select(func.count(func.distinct(models.LedgerEntry.posting_id))))
    assert set(ids.values()) == {1} and len(ids) == 5 * len(orders)
    assert postings == 4 * len(
        orders
    )  # per order: two estimates at payment, two refund adjustments on line 1
    for order_id in orders:
        first, second = await lines_of(rt, order_id)
        assert (first.refunded_quantity, first.refunded_amount_minor) == (1, 4500)
        # 75.00 left at 2000/1500; 19.99 at 2000 / carol's list-item 1500
        assert await ledger_of(rt, first.id) == {
            (EST, "SELLER_PAYABLE"): -1500,
            (EST, "CREATOR_EARNINGS"): 1125,
            (EST, "AGENCY_EARNINGS"): 375,
        }
        assert await ledger_of(rt, second.id) == {
            (EST, "SELLER_PAYABLE"): -400,
            (EST, "CREATOR_EARNINGS"): 300,
            (EST, "AGENCY_EARNINGS"): 100,
        }


async def test_concurrent_creations_of_one_order_keep_one(rt, ow, us, clock) -> None:
    bodies = [sequence(ow, clock, "o-1")[0] | {"id": f"created-{n}"} for n in range(10)]
    responses = await asyncio.gather(*(us.send(body) for body in bodies))
    codes = Counter((r.status_code, r.json().get("error", {}).get("code")) for r in responses)
    assert codes == {(200, None): 1, (409, "ORDER_EXISTS"): 9}
    assert (await stored(rt))["orders"] == 1 and len(await lines_of(rt, "o-1")) == 2


class Crash(Exception):
    pass


@pytest.mark.parametrize("when", ["after the ledger insert", "at commit"])
async def test_a_crash_after_the_ledger_write_stores_nothing_and_the_retry_applies_once(
    rt, ow, us, clock, when
) -> None:
    events = sequence(ow, clock, "o-1")
    for body in events[:1]:
        assert (await us.send(body)).status_code == 200
    before = await stored(rt)
    armed = {"ledger": False, "crash": True}
    sync_engine = rt.engine.sync_engine

    def after_execute(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("INSERT INTO LEDGER_ENTRIES"):
            armed["ledger"] = True
            if when == "after the ledger insert" and armed["crash"]:
                armed["crash"] = False
                raise Crash("the process dies with the ledger legs staged")

    def on_commit(conn) -> None:  # noqa: ANN001
        if when == "at commit" and armed["ledger"] and armed["crash"]:
            armed["crash"] = False
            conn.invalidate()  # the connection drops before COMMIT reaches the database
            raise Crash("the commit never happens")

    sa_event.listen(sync_engine, "after_cursor_execute", after_execute)
    sa_event.listen(sync_engine, "commit", on_commit)
    try:
        response = await us.batch(events[1:])  # paid, two refunds, delivered
        assert response.status_code == 500 and response.json()["error"]["code"] == "INTERNAL_ERROR"
        assert await stored(rt) == before
        (first, _) = await lines_of(rt, "o-1")
        assert first.paid_at is None and first.version == 1
        retried = await us.batch(events[1:])
    finally:
        sa_event.remove(sync_engine, "after_cursor_execute", after_execute)
        sa_event.remove(sync_engine, "commit", on_commit)
    assert retried.status_code == 200
    assert [r["status"] for r in retried.json()["results"]] == ["applied"] * 4
    assert [r["duplicate"] for r in (await us.batch(events)).json()["results"]] == [True] * 5
    first, second = await lines_of(rt, "o-1")
    assert await ledger_of(rt, first.id) == {
        (EST, "SELLER_PAYABLE"): -1500,
        (EST, "CREATOR_EARNINGS"): 1125,
        (EST, "AGENCY_EARNINGS"): 375,
    }
    async with rt.sessionmaker() as s:
        assert await ledger.unbalanced_postings(s) == []
