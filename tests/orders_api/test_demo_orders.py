"""The demo world comes with weeks of orders (settled commission included) and the simulator keeps selling its
products through creators' showcases."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, select

from server import models
from server.demo.orders import simulator_keys
from server.demo.world import load_demo_world
from server.models.enums import LedgerPhase, OrderLineStatus
from server.services.orders import ledger
from server.simulator import OrderSimulator
from tests.orders_api.commission_oracle import expected_commission
from tests.orders_api.commission_oracle import held as held_triple
from tests.plugins.api import Api, login_token

EARNINGS = "{ earnings { currency estimated { amount } settled { amount } } }"
LINES = (
    "{ orderLines(first: 100, filter: {status: [SETTLED]}) { totalCount edges { node { creatorName } } } }"
)


async def test_the_demo_has_order_history_and_the_simulator_adds_to_it(rt, http, clock) -> None:  # noqa: ANN001
    await load_demo_world(rt)
    async with rt.sessionmaker() as s:
        lines = list(await s.scalars(select(models.OrderLine)))
        held = await ledger.totals_by_line(s, [line.id for line in lines])
        assert await ledger.unbalanced_postings(s) == []
    settled = [
        line for line in lines if line.status is OrderLineStatus.SETTLED and line.campaign_id is not None
    ]
    assert len(lines) >= 60 and len(settled) >= 10
    assert {line.status for line in lines} >= {
        OrderLineStatus.PAID,
        OrderLineStatus.DELIVERED,
        OrderLineStatus.SETTLED,
    }
    for line in lines:
        phase = LedgerPhase.SETTLED if line.settled_at is not None else LedgerPhase.ESTIMATED
        assert held_triple(held[line.id][phase]) == expected_commission(line)
    # The demo agency and creator see settled earnings right away.
    for email in ("agency@demo.test", "creator@demo.test"):
        api = Api(http, await login_token(http, email, "demo1234"))
        (thb,) = [e for e in (await api(EARNINGS))["earnings"] if e["currency"] == "THB"]
        assert float(thb["settled"]["amount"]) > 0, email
        assert (await api(LINES))["orderLines"]["totalCount"] > 0, email

    simulator = OrderSimulator(rt, http, await simulator_keys(rt), rng=random.Random(1))
    for _ in range(30):
        response = await simulator.send_next()
        assert response is not None and response.json()["status"] == "applied", response and response.text
        clock.advance(timedelta(seconds=15))
    async with rt.sessionmaker() as s:
        new = await s.scalar(
            select(func.count())
            .select_from(models.OrderLine)
            .join(models.Order)
            .where(models.Order.platform_order_id.like("SIM-%"), models.OrderLine.campaign_id.is_not(None))
        )
    assert new > 0  # sold through the demo creators' showcase entries
