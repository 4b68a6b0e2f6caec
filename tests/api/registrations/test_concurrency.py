"""Two decisions on one registration at the same time: exactly one wins, the other is told of the conflict,
and the audit trail shows one decision. Likewise for two sweepers closing an ended campaign's registrations."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from server import models
from server.services import registration_sweep
from tests.plugins.api import World

from .helpers import audit_actions, item, make_campaign, make_products, pk_of, register, review, status_of

ROUNDS = 20
DECISIONS = ("registration.approve", "registration.reject")


async def test_concurrent_approve_and_reject_one_wins(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", ROUNDS)
    created = (await register(seller, campaign, *(item(p) for p in products)))["registrations"]
    for round_, registration in enumerate(created):
        approve_first = round_ % 2 == 0
        calls = [
            review(agency, [registration["id"]], "APPROVE"),
            review(agency, [registration["id"]], "REJECT", reason="COMMISSION_TOO_LOW"),
        ]
        approve, reject = await asyncio.gather(*(calls if approve_first else calls[::-1]))
        if not approve_first:
            approve, reject = reject, approve
        outcomes = [approve["results"][0], reject["results"][0]]
        winners = [o for o in outcomes if o["userErrors"] == []]
        losers = [o for o in outcomes if o["userErrors"] != []]
        assert len(winners) == 1 and len(losers) == 1, outcomes
        # The loser either lost the race in the UPDATE (CONFLICT) or read the winner's decision first.
        assert [e["code"] for e in losers[0]["userErrors"]] in (["CONFLICT"], ["INVALID_STATE"]), losers
        assert losers[0]["registration"] is None
        pk = pk_of(registration["id"])
        decisions = [a for a in await audit_actions(rt, pk) if a in DECISIONS]
        assert len(decisions) == 1, decisions
        expected = "APPROVED" if decisions[0] == "registration.approve" else "REJECTED"
        assert winners[0]["registration"]["status"] == expected
        assert (await status_of(rt, pk)).value == expected


async def test_concurrent_sweepers_close_each_registration_once(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 30)
    await register(seller, campaign, *(item(p) for p in products))
    rt.clock.advance(timedelta(days=14))
    closed = await asyncio.gather(
        *(registration_sweep.close_registrations_of_ended_campaigns(rt) for _ in range(3))
    )
    assert sum(closed) == 30
    async with rt.sessionmaker() as s:
        closes = await s.scalar(
            select(func.count())
            .select_from(models.AuditEvent)
            .where(models.AuditEvent.action == "registration.close")
        )
    assert closes == 30
    assert await registration_sweep.close_registrations_of_ended_campaigns(rt) == 0
