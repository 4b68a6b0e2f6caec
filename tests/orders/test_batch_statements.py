"""A batch's SQL statements do not grow with its size: one query per kind of lookup (products, SKUs, each
attribution read, new keys) and one INSERT per table (orders, lines, events, ledger legs) for the whole batch."""

from __future__ import annotations

import collections
from datetime import datetime
from typing import Any

from tests.orders.conftest import stored
from tests.orders.world import Shop, created, event, line


def orders(shop: Shop, first: int, count: int, now: datetime) -> list[dict[str, Any]]:
    """`count` orders in four shapes: through a showcase entry, a share link (plus an organic line), organic;
    paid, shipped, delivered, partly refunded, cancelled, frozen; one event sent before its order's creation."""
    events: list[dict[str, Any]] = []
    registered = shop.registered
    for n in range(first, first + count):
        order_id = f"batch-{n}"
        product = registered[n % len(registered)]
        through_entry = {"showcase_entry_id": product.entry_gid(shop.creator)}
        through_link = {"share_link_token": shop.share_token, "creator": shop.creator}
        shape = n % 4
        if shape == 0:
            lines = [
                line(
                    "1", product, quantity=2, price="40.00", currency=shop.currency, attribution=through_entry
                )
            ]
            events += [
                created(order_id, now, lines),
                event("paid", order_id, now),
                event("shipped", order_id, now),
                event("delivered", order_id, now),
            ]
        elif shape == 1:
            lines = [
                line("1", product, price="40.00", currency=shop.currency, attribution=through_link),
                line("2", shop.organic, price="12.50", currency=shop.currency),
            ]
            refund = {"line_id": "1", "amount": "1.00", "currency": shop.currency.value}
            events += [
                event("paid", order_id, now),
                created(order_id, now, lines),  # paid waits for its order
                event("refunded", order_id, now, lines=[refund]),
            ]
        elif shape == 2:
            lines = [line("1", product, price="40.00", currency=shop.currency, attribution=through_entry)]
            events += [
                created(order_id, now, lines),
                event("paid", order_id, now),
                event("cancelled", order_id, now),
            ]
        else:
            lines = [line("1", product, price="40.00", currency=shop.currency, attribution=through_entry)]
            events += [
                created(order_id, now, lines),
                event("paid", order_id, now),
                event("delivered", order_id, now),
                event("frozen", order_id, now, reason="risk review"),
            ]
    return events


async def statements_for(us, queries, events: list[dict[str, Any]], *, held: int = 0) -> int:  # noqa: ANN001
    queries.reset()
    response = await us.batch(events)
    assert response.status_code == 200, response.text
    statuses = [r["status"] for r in response.json()["results"]]
    assert set(statuses) <= {"applied", "held"} and statuses.count("held") == held, response.text
    return queries.count


async def test_a_batch_of_orders_costs_the_same_statements_at_any_size(rt, ow, us, clock, queries) -> None:
    now = clock.now()
    await statements_for(
        us, queries, orders(ow.us, 0, 4, now), held=1
    )  # warm: the key's use is recorded once
    small = await statements_for(us, queries, orders(ow.us, 4, 4, now), held=1)  # one "paid" before its order
    large = await statements_for(us, queries, orders(ow.us, 8, 40, now), held=10)
    assert large == small, (
        small,
        large,
        collections.Counter(s[:60] for s in queries.statements).most_common(8),
    )
    counts = await stored(rt)
    assert counts["orders"] == 48
    assert counts["order_lines"] == 60
    assert counts["order_events"] == 12 * 4 + 12 * 3 + 12 * 3 + 12 * 4


async def test_a_large_batch_keeps_every_rule(rt, ow, us, clock) -> None:
    """The same orders sent one request per event and in one batch end with the same lines and ledger."""
    from sqlalchemy import func, select

    from server import models

    now = clock.now()
    events = orders(ow.us, 0, 8, now)
    for e in events:
        response = await us.send(e)
        assert response.status_code in (200, 202), response.text
    batched = [
        {**e, "id": f"b-{e['id']}", "order_id": f"b-{e['order_id']}"} for e in orders(ow.us, 0, 8, now)
    ]
    response = await us.batch(batched)
    assert response.status_code == 200, response.text

    async with rt.sessionmaker() as s:

        def key(order_id: str) -> str:
            return order_id.removeprefix("b-")

        rows = await s.execute(
            select(
                models.Order.platform_order_id,
                models.OrderLine.platform_line_id,
                models.OrderLine.status,
                models.OrderLine.campaign_id,
                models.OrderLine.creator_rate_bps,
                models.OrderLine.refunded_amount_minor,
                models.OrderLine.unattributed_reason,
            ).join(models.Order, models.Order.id == models.OrderLine.order_id)
        )
        lines: dict[bool, set[tuple[Any, ...]]] = {True: set(), False: set()}
        for order_id, *rest in rows:
            lines[order_id.startswith("b-")].add((key(order_id), *rest))
        legs = await s.execute(
            select(
                models.Order.platform_order_id,
                models.LedgerEntry.phase,
                models.LedgerEntry.account,
                func.sum(models.LedgerEntry.amount_minor),
            )
            .join(models.OrderLine, models.OrderLine.id == models.LedgerEntry.order_line_id)
            .join(models.Order, models.Order.id == models.OrderLine.order_id)
            .group_by(models.Order.platform_order_id, models.LedgerEntry.phase, models.LedgerEntry.account)
        )
        ledger: dict[bool, set[tuple[Any, ...]]] = {True: set(), False: set()}
        for order_id, *rest in legs:
            ledger[order_id.startswith("b-")].add((key(order_id), *rest))
    assert lines[True] == lines[False] and len(lines[True]) == 10
    assert ledger[True] == ledger[False] and ledger[True]


async def test_events_for_stored_orders_cost_the_same_statements_at_any_size(
    rt, ow, us, clock, queries
) -> None:
    """Payments, shipments and deliveries of orders created by earlier requests: the lines are updated and the
    ledger posted in a fixed number of statements too."""
    now = clock.now()
    product = ow.us.registered[0]
    through_entry = {"showcase_entry_id": product.entry_gid(ow.us.creator)}
    creates = [
        created(
            f"stored-{n}",
            now,
            [
                line("1", product, price="40.00", currency=ow.us.currency, attribution=through_entry),
                line("2", ow.us.organic, price="9.00", currency=ow.us.currency),
            ],
        )
        for n in range(44)
    ]
    assert (await us.batch(creates)).status_code == 200

    def later(orders: range) -> list[dict[str, Any]]:
        return [
            e
            for n in orders
            for e in (event("paid", f"stored-{n}", now), event("shipped", f"stored-{n}", now))
        ]

    await statements_for(us, queries, later(range(0, 2)))  # warm
    small = await statements_for(us, queries, later(range(2, 4)))
    large = await statements_for(us, queries, later(range(4, 44)))
    assert large == small, (
        small,
        large,
        collections.Counter(s[:60] for s in queries.statements).most_common(8),
    )
