"""The orders world (tests/orders/world.py) with a user per party, signed clients per shop, and a few orders in
known states, for the order queries, subscriptions and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from server import models
from server.clock import FrozenClock
from server.models.enums import Market, MemberRole, OrganisationKind
from server.runtime import Runtime
from server.services import auth, onboarding
from server.services.orders.settlement import settle_due_lines
from server.services.unit_of_work import UnitOfWork
from tests.orders.world import Integration, OrdersWorld, created, event, line
from tests.plugins.api import PASSWORD, Api, login_token

# Who logs in: the orders world's parties, an operator and an agency with nothing to do with these orders.
PEOPLE = ("agency", "other_agency", "seller_us", "seller_vn", "alice", "bao", "carol", "operator")


@pytest.fixture
async def people(rt: Runtime, ow: OrdersWorld) -> dict[str, int]:
    """Person key → organisation id, each with a user `<key>@orders.test`."""
    async with UnitOfWork(rt) as uow:
        platform_id = await uow.session.scalar(
            select(models.Organisation.id).where(models.Organisation.kind == OrganisationKind.PLATFORM)
        )
        other = await onboarding.create_agency(
            uow, name="Agency Other", markets=[Market.US], contact_email="other@agency.test"
        )
        orgs = {
            "agency": ow.agency_id,
            "other_agency": other.id,
            "seller_us": ow.us.id,
            "seller_vn": ow.vn.id,
            **ow.creators,
            "operator": platform_id,
        }
        for key, org_id in orgs.items():
            await auth.create_user(
                uow,
                organisation_id=org_id,
                email=f"{key}@orders.test",
                password=PASSWORD,
                full_name=key.title(),
                member_role=MemberRole.OWNER,
            )
    return orgs


@pytest.fixture
async def api(http: httpx.AsyncClient, people: dict[str, int]):  # noqa: ANN201
    """api("alice") → an Api logged in as that party."""
    cache: dict[str, Api] = {}

    async def get(key: str) -> Api:
        if key not in cache:
            cache[key] = Api(http, await login_token(http, f"{key}@orders.test"))
        return cache[key]

    return get


@dataclass
class Story:
    """The platform order ids of the scenario, by what happened to them."""

    settled: str = (
        "us-settled"  # alice, 2 x 40.00 at 2000/1500, 10.00 refunded, delivered, settled: 14.00/10.50/3.50
    )
    organic: str = "us-organic"  # an organic sale (no attribution), paid
    cancelled: str = "us-cancelled"  # alice, 19.99, paid then cancelled
    vn_paid: str = "vn-paid"  # bao, 2 x 99999 VND at 1250/1075, paid: 25000 / 21500 / 3500


async def tell_story(
    rt: Runtime, ow: OrdersWorld, us: Integration, vn: Integration, clock: FrozenClock
) -> Story:
    story = Story()
    first, second = ow.us.registered
    entry = {"showcase_entry_id": first.entry_gid("alice")}
    await us.send(
        created(
            story.settled,
            clock.now(),
            [line("1", first, quantity=2, price="40.00", currency=ow.us.currency, attribution=entry)],
        )
    )
    await us.send(event("paid", story.settled, clock.now()))
    await us.send(
        event(
            "refunded",
            story.settled,
            clock.now(),
            lines=[{"line_id": "1", "amount": "10.00", "currency": "USD"}],
            reason="one arrived dented",
        )
    )
    await us.send(event("delivered", story.settled, clock.now()))
    clock.advance(timedelta(days=16))
    await settle_due_lines(rt)
    clock.advance(timedelta(hours=1))
    await us.send(
        created(
            story.organic, clock.now(), [line("1", ow.us.organic, price="25.00", currency=ow.us.currency)]
        )
    )
    await us.send(event("paid", story.organic, clock.now()))
    clock.advance(timedelta(hours=1))
    await us.send(
        created(
            story.cancelled,
            clock.now(),
            [
                line(
                    "1",
                    second,
                    price="19.99",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": second.entry_gid("alice")},
                )
            ],
        )
    )
    await us.send(event("paid", story.cancelled, clock.now()))
    await us.send(event("cancelled", story.cancelled, clock.now(), reason="out of stock"))
    clock.advance(timedelta(hours=1))
    product = ow.vn.registered[0]
    await vn.send(
        created(
            story.vn_paid,
            clock.now(),
            [
                line(
                    "1",
                    product,
                    quantity=2,
                    price="99999",
                    currency=ow.vn.currency,
                    attribution={"showcase_entry_id": product.entry_gid("bao")},
                )
            ],
        )
    )
    await vn.send(event("paid", story.vn_paid, clock.now()))
    return story


@pytest.fixture
async def story(rt: Runtime, ow: OrdersWorld, us: Integration, vn: Integration, clock: FrozenClock) -> Story:
    return await tell_story(rt, ow, us, vn, clock)
