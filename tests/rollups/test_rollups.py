"""The rollups are exact: after any sequence of order events through the real services (paid, shipped, delivered,
partial refunds, cancel, freeze, release, settlement, rate changes between orders, events in any arrival order,
batched or one by one, retried), every rollup row equals a recomputation from the order lines and ledger legs;
and the backfill (what the migration runs) gives the same rows."""

from __future__ import annotations

import itertools
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from server.models.rollup import ROLLUP_TABLES, rollup_lines
from server.services.orders.ingestion import Pusher, ShopRef
from server.services.orders.settlement import settle_due_lines
from server.services.rollups.backfill import backfill
from tests.conftest import T0
from tests.orders.test_properties import Scenario, _send, _set_rates, canonical_events, scenarios
from tests.rollups.recompute import assert_equal, recomputed, stored

ROLLUP_SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
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
@given(orders=st.lists(st.tuples(scenarios(), st.randoms(use_true_random=False), st.booleans()), min_size=1, max_size=3))
async def test_rollups_equal_a_recomputation_after_any_events(rt, ow, clock, orders) -> None:  # noqa: ANN001
    clock.set(T0)
    for scenario, arrival, settle in orders:
        await _run(rt, ow, clock, scenario, arrival, settle=settle)
        assert_equal(await stored(rt), await recomputed(rt))


@settings(ROLLUP_SETTINGS, max_examples=4)
@given(orders=st.lists(st.tuples(scenarios(), st.randoms(use_true_random=False), st.booleans()), min_size=2, max_size=4))
async def test_backfill_equals_the_recomputation_and_the_upkeep(rt, ow, clock, orders) -> None:  # noqa: ANN001
    clock.set(T0)
    for scenario, arrival, settle in orders:
        await _run(rt, ow, clock, scenario, arrival, settle=settle)
    want = await recomputed(rt)
    assert_equal(await stored(rt), want)
    async with rt.engine.begin() as conn:  # forget them, then fill them as the migration does
        for table in (*ROLLUP_TABLES, rollup_lines):
            await conn.execute(delete(table))
    assert not any((await stored(rt)).values())
    async with rt.engine.begin() as conn:
        await conn.run_sync(backfill)
    assert_equal(await stored(rt), want)
