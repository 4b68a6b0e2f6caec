"""Known order histories for the insight tests, on the orders world (tests/orders/world.py): the orders_api story
plus one more settled sale of alice's, sent through the signed order endpoint."""

from __future__ import annotations

from server.clock import FrozenClock
from server.runtime import Runtime
from tests.orders.world import Integration, OrdersWorld, created, event, line
from tests.orders_api.conftest import Story, tell_story


async def story_with_a_clean_sale(
    rt: Runtime, ow: OrdersWorld, us: Integration, vn: Integration, clock: FrozenClock
) -> Story:
    """us-extra: alice, 1 × 40.00 of the first US product at 2000/1500, paid and delivered at T0, settled with the
    story's us-settled 16 days later — so alice (and the US shop) have 3 finished attributed lines, 2 of them
    returned (us-settled partly refunded, us-cancelled cancelled)."""
    first = ow.us.registered[0]
    entry = {"showcase_entry_id": first.entry_gid("alice")}
    await us.send(
        created(
            "us-extra",
            clock.now(),
            [line("1", first, price="40.00", currency=ow.us.currency, attribution=entry)],
        )
    )
    await us.send(event("paid", "us-extra", clock.now()))
    await us.send(event("delivered", "us-extra", clock.now()))
    return await tell_story(rt, ow, us, vn, clock)
