"""The rollups are exact: after any sequence of order events through the real services (paid, shipped, delivered,
partial refunds, cancel, freeze, release, settlement, rate changes between orders, events in any arrival order,
batched or one by one, retried), every rollup row — and every row of the forecast's aggregate of open amounts —
equals a recomputation from the order lines and ledger legs;
the backfill (what the migration runs) gives the same rows; and concurrent writers lose no increment."""

from __future__ import annotations

import asyncio
import itertools
import random
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from server import models
from server.models.enums import LedgerAccount, LedgerPhase, Market
from server.models.rollup import ROLLUP_TABLES, rollup_lines
from server.models.rollup_forecast import OPEN_TABLES
from server.services.orders.settlement import settle_due_lines
from server.services.orders.signatures import Pusher, ShopRef
from server.services.rollups.backfill import backfill
from server.services.rollups.upkeep import touch
from tests.conftest import T0
from tests.orders.test_properties import LinePlan, Scenario, _send, _set_rates, canonical_events, scenarios
from tests.rollups.recompute import assert_equal, assert_line_facts_copied, recomputed, stored

ROLLUP_SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_orders = itertools.count(1)


async def _run(rt, ow, clock, scenario: Scenario, arrival, *, settle: bool) -> None:  # noqa: ANN001
    shop = ow.shops[scenario.market]
    pusher = Pusher(organisation_id=shop.id, shop=ShopRef(shop.id, shop.code, shop.market))
    await _set_rates(rt, shop, scenario)  # a rate change: earlier lines keep their snapshot
    events = canonical_events(scenario, shop, f"r-{next(_orders)}", clock.now())
    shuffled = list(events)
    arrival.shuffle(shuffled)
    await _send(rt, pusher, shuffled, scenario.batched)
    await _send(rt, pusher, events, True)  # the platform retries everything: nothing may count twice
    if settle:
        clock.advance(timedelta(days=16))
        await settle_due_lines(rt)


@ROLLUP_SETTINGS
@given(
    orders=st.lists(
        st.tuples(scenarios(), st.randoms(use_true_random=False), st.booleans()), min_size=1, max_size=3
    )
)
async def test_rollups_equal_a_recomputation_after_any_events(rt, ow, clock, orders) -> None:  # noqa: ANN001
    clock.set(T0)
    for scenario, arrival, settle in orders:
        await _run(rt, ow, clock, scenario, arrival, settle=settle)
        assert_equal(await stored(rt), await recomputed(rt))
        await assert_line_facts_copied(rt)


@settings(ROLLUP_SETTINGS, max_examples=4)
@given(
    orders=st.lists(
        st.tuples(scenarios(), st.randoms(use_true_random=False), st.booleans()), min_size=2, max_size=4
    )
)
async def test_backfill_equals_the_recomputation_and_the_upkeep(rt, ow, clock, orders) -> None:  # noqa: ANN001
    clock.set(T0)
    for scenario, arrival, settle in orders:
        await _run(rt, ow, clock, scenario, arrival, settle=settle)
    want = await recomputed(rt)
    assert_equal(await stored(rt), want)
    async with rt.engine.begin() as conn:  # forget them, then fill them as the migration does
        for table in (*ROLLUP_TABLES, rollup_lines, *OPEN_TABLES):
            await conn.execute(delete(table))
    assert not any((await stored(rt)).values())
    async with rt.engine.begin() as conn:
        await conn.run_sync(backfill)
    assert_equal(await stored(rt), want)
    await assert_line_facts_copied(rt)


async def test_concurrent_writers_neither_deadlock_nor_lose_increments(rt, ow, clock) -> None:  # noqa: ANN001
    """Orders of one campaign and shop (the same rollup rows) ingested from several clients at once, while
    settlement runs: every increment lands."""
    clock.set(T0)
    shop = ow.shops[Market.US]
    pusher = Pusher(organisation_id=shop.id, shop=ShopRef(shop.id, shop.code, shop.market))
    plans = [
        Scenario(
            market=Market.US,
            total_bps=2000,
            creator_bps=1500,
            lines=[
                LinePlan(product=n % 2, quantity=1 + n % 3, price_minor=4000 + n),
                LinePlan(
                    product=0, quantity=1, price_minor=999, refunds=[("amount", 100)] if n % 3 == 0 else []
                ),
            ],
            paid=True,
            shipped=n % 2 == 0,
            delivered=n % 3 != 1,
            cancelled=n % 3 == 1,
            freeze=0,
            batched=True,
        )
        for n in range(12)
    ]
    events = [canonical_events(plan, shop, f"c-{next(_orders)}", clock.now()) for plan in plans]

    async def client(k: int) -> None:
        for order_events in events[k::4]:
            await _send(rt, pusher, order_events, True)

    await asyncio.gather(*(client(k) for k in range(4)))
    clock.advance(timedelta(days=16))
    await asyncio.gather(settle_due_lines(rt, batch=2), settle_due_lines(rt, batch=3), client(0))
    assert_equal(await stored(rt), await recomputed(rt))
    shops = (await stored(rt))["rollup_campaign_shops"]
    assert shops[(shop.campaign_id, shop.id)]["paid_orders"] == 12


def _paid_order(*lines: LinePlan) -> Scenario:
    """One US order with these lines, paid and nothing more, sent in one batch."""
    return Scenario(
        market=Market.US,
        total_bps=2000,
        creator_bps=1500,
        lines=list(lines),
        paid=True,
        shipped=False,
        delivered=False,
        cancelled=False,
        freeze=0,
        batched=True,
    )


async def _last_line(s) -> models.OrderLine:  # noqa: ANN001
    return (await s.scalars(select(models.OrderLine).order_by(models.OrderLine.id.desc()).limit(1))).one()


async def test_legs_added_by_a_bulk_insert_are_rolled_up(rt, ow, clock) -> None:  # noqa: ANN001
    """A writer that adds legs around the ORM's unit of work (an ORM bulk INSERT) cannot forget the rollups."""
    clock.set(T0)
    shop = ow.shops[Market.US]
    await _run(
        rt,
        ow,
        clock,
        _paid_order(LinePlan(product=0, quantity=1, price_minor=4000)),
        random.Random(1),
        settle=False,
    )
    async with rt.sessionmaker() as s:
        line = await _last_line(s)
        legs = [
            (LedgerAccount.SELLER_PAYABLE, shop.id, -10),
            (LedgerAccount.CREATOR_EARNINGS, line.creator_id, 7),
            (LedgerAccount.AGENCY_EARNINGS, line.agency_id, 3),
        ]
        await s.execute(
            insert(models.LedgerEntry),
            [
                {
                    "posting_id": "bulk-adjustment",
                    "order_line_id": line.id,
                    "account": account,
                    "party_organisation_id": party,
                    "phase": LedgerPhase.ESTIMATED,
                    "amount_minor": amount,
                    "currency": line.currency,
                    "reason": "adjustment",
                    "created_at": clock.now(),
                }
                for account, party, amount in legs
            ],
        )
        await s.commit()
    assert_equal(await stored(rt), await recomputed(rt))


async def test_a_line_no_longer_attributed_leaves_the_rollups_once(rt, ow, clock) -> None:  # noqa: ANN001
    """A line that loses its attribution is taken out of every rollup once, however many upkeeps its order sees
    afterwards."""
    clock.set(T0)
    plan = _paid_order(
        LinePlan(product=0, quantity=1, price_minor=4000), LinePlan(product=1, quantity=2, price_minor=900)
    )
    await _run(rt, ow, clock, plan, random.Random(2), settle=False)
    async with rt.sessionmaker() as s:
        line = await _last_line(s)
        sibling_id = (
            await s.scalars(
                select(models.OrderLine.id).where(
                    models.OrderLine.order_id == line.order_id, models.OrderLine.id != line.id
                )
            )
        ).one()
        # its legs go with it (the reference recomputation counts every leg by its line's campaign)
        await s.execute(delete(models.LedgerEntry).where(models.LedgerEntry.order_line_id == line.id))
        line.campaign_id = None
        await s.commit()
    assert_equal(await stored(rt), await recomputed(rt))
    for _ in range(2):  # later upkeeps of the same order subtract nothing more
        async with rt.sessionmaker() as s:
            touch(s, [sibling_id])
            await s.commit()
        assert_equal(await stored(rt), await recomputed(rt))
