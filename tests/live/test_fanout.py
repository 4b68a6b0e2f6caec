"""Live fan-out: subscribers of one audience share one execution per event (one read, asserted with the query
counter), audiences never share a payload, live work holds a bounded number of database sessions. On the
in-process broker and on Redis, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest

from server import models
from server.auth.principal import Principal
from server.events import channels
from server.live.audience import audience_key
from server.live.sessions import BoundedSessions
from server.models.enums import MemberRole, Role
from server.runtime import Runtime
from server.services import auth, notifications
from server.services.unit_of_work import UnitOfWork
from tests.api.registrations.helpers import make_campaign, register_one, rid
from tests.plugins.api import World, login_token
from tests.plugins.brokers import BROKERS, runtime_on

from .helpers import NOTIFICATIONS, REGISTRATIONS, next_data, socket, status_event, subscribed, until


@pytest.fixture(params=BROKERS)
async def rt(request: pytest.FixtureRequest, database_url: str, clock) -> AsyncIterator[Runtime]:  # noqa: ANN001
    async with runtime_on(request.param, database_url, clock) as runtime:
        yield runtime


async def test_one_read_per_event_for_many_subscribers_of_one_audience(
    rt, app, http, world: World, as_role, queries
) -> None:  # noqa: ANN001
    live = app.state.live
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    channel = channels.registrations_of_agency(world["agency_a"].organisation_id)
    event = status_event(registration, campaign, rt.clock.now().isoformat())
    expected = {
        "fromStatus": None,
        "toStatus": "PENDING",
        "registration": {
            "id": rid(registration),
            "status": "PENDING",
            "totalRateBps": 2000,
            "product": {"title": "Shop A Serum 0"},
            "campaign": {"name": "Serum week"},
        },
    }
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(socket(app, await login_token(http, world["agency_a"].email)))
        await first.subscribe("s0", REGISTRATIONS)
        await subscribed(rt, channel)
        queries.reset()
        await rt.broker.publish(channel, event)
        assert await next_data(first) == ("s0", {"data": {"registrationStatusChanged": expected}})
        one_subscriber = queries.count
        assert one_subscriber > 0

        # Nine more subscribers of the same audience (two more sockets of the agency, several operations each).
        others = [
            await stack.enter_async_context(socket(app, await login_token(http, world["agency_a"].email)))
            for _ in range(3)
        ]
        ids = {}
        for n, ws in enumerate(others):
            for k in range(3):
                await ws.subscribe(f"s{n}{k}", REGISTRATIONS)
                ids.setdefault(id(ws), set()).add(f"s{n}{k}")
        await until(lambda: live.hub.subscribers == 10, "ten subscribers")
        assert live.hub.feeds == 1
        queries.reset()
        await rt.broker.publish(channel, event)
        assert await next_data(first) == ("s0", {"data": {"registrationStatusChanged": expected}})
        for ws in others:
            got = [await next_data(ws) for _ in range(3)]
            assert {op for op, _ in got} == ids[id(ws)]
            assert all(payload == {"data": {"registrationStatusChanged": expected}} for _, payload in got)
        assert queries.count == one_subscriber  # not ten times as many
    assert live.sessions.peak <= rt.settings.live_db_sessions
    await until(lambda: live.hub.feeds == 0 and live.hub.subscribers == 0, "feeds ended with their sockets")


async def test_audiences_get_their_own_payloads_and_never_another_s(
    rt, app, http, world: World, as_role
) -> None:  # noqa: ANN001
    live = app.state.live
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    event = status_event(registration, campaign, rt.clock.now().isoformat())
    agency_a, agency_b = (
        channels.registrations_of_agency(world[k].organisation_id) for k in ("agency_a", "agency_b")
    )
    shop_a, shop_b = (
        channels.registrations_of_shop(world[k].organisation_id) for k in ("seller_a", "seller_b")
    )
    async with AsyncExitStack() as stack:
        sockets = {
            key: await stack.enter_async_context(socket(app, await login_token(http, world[key].email)))
            for key in ("agency_a", "agency_b", "seller_a", "seller_b")
        }
        for ws in sockets.values():
            await ws.subscribe("s", REGISTRATIONS)
        for channel in (agency_a, agency_b, shop_a, shop_b):
            await subscribed(rt, channel)
        assert live.hub.feeds == 4  # one per audience, even for the same document
        # The same thin event on every channel (a stray id on the others' channels must not leak anything).
        for channel in (agency_a, agency_b, shop_a, shop_b):
            await rt.broker.publish(channel, event)
        _, agency_view = await next_data(sockets["agency_a"])
        _, seller_view = await next_data(sockets["seller_a"])
        assert agency_view["data"]["registrationStatusChanged"]["registration"]["campaign"] == {
            "name": "Serum week"
        }
        assert seller_view["data"]["registrationStatusChanged"]["registration"]["id"] == rid(registration)
        assert await sockets["agency_b"].nothing_within(0.3)
        assert await sockets["seller_b"].nothing_within(0.1)


async def test_a_notification_for_one_user_is_not_shared_with_a_colleague(
    rt, app, http, world: World
) -> None:  # noqa: ANN001
    """Notifications may be addressed to one user: the policy reads the user there, so the key does too."""
    async with UnitOfWork(rt) as uow:
        colleague_user = await auth.create_user(
            uow,
            organisation_id=world["seller_a"].organisation_id,
            email="colleague@test.local",
            password="correct horse battery",
            full_name="Colleague",
            member_role=MemberRole.MEMBER,
        )
    channel = channels.notifications(world["seller_a"].organisation_id)
    async with AsyncExitStack() as stack:
        owner = await stack.enter_async_context(socket(app, await login_token(http, world["seller_a"].email)))
        colleague = await stack.enter_async_context(
            socket(app, await login_token(http, "colleague@test.local", "correct horse battery"))
        )
        await owner.subscribe("n", NOTIFICATIONS)
        await colleague.subscribe("n", NOTIFICATIONS)
        await until(lambda: app.state.live.hub.feeds == 2, "two feeds")
        await subscribed(rt, channel)
        async with UnitOfWork(rt) as uow:  # addressed to that user only
            await notifications.notify(
                uow,
                recipient_organisation_id=world["seller_a"].organisation_id,
                recipient_user_id=colleague_user.id,
                kind="SECURITY_NEW_SIGN_IN",
                title="New sign-in",
                body="",
            )
        _, payload = await next_data(colleague)
        assert payload["data"]["notificationReceived"]["kind"] == "SECURITY_NEW_SIGN_IN"
        assert await owner.nothing_within(0.3)


def test_the_audience_key_holds_what_the_policy_reads_of_the_principal(app) -> None:  # noqa: ANN001
    schema = app.state.schema._schema
    one = Principal(user_id=1, role=Role.AGENCY, organisation_id=7, session_id=1)
    colleague = Principal(user_id=2, role=Role.AGENCY, organisation_id=7, session_id=9)
    other_tenant = Principal(user_id=1, role=Role.AGENCY, organisation_id=8, session_id=1)
    other_role = Principal(user_id=1, role=Role.OPERATOR, organisation_id=7, session_id=1)
    key = lambda p, *fields: audience_key(schema, p, tuple(fields))  # noqa: E731
    # Registrations do not depend on the user: colleagues share; tenants and roles do not.
    assert key(one, "registrationStatusChanged") == key(colleague, "registrationStatusChanged")
    assert key(one, "registrationStatusChanged") != key(other_tenant, "registrationStatusChanged")
    assert key(one, "registrationStatusChanged") != key(other_role, "registrationStatusChanged")
    # Notifications may be for one user; an unknown root (fragment) counts every field.
    assert key(one, "notificationReceived") != key(colleague, "notificationReceived")
    assert key(one) != key(colleague)


async def test_live_sessions_are_bounded(rt) -> None:  # noqa: ANN001
    sessions = BoundedSessions(rt.sessionmaker, 2)
    release = asyncio.Event()

    async def hold() -> None:
        async with sessions() as session:
            await session.get(models.Organisation, 1)
            await release.wait()

    tasks = [asyncio.create_task(hold()) for _ in range(6)]
    await until(lambda: sessions.in_use == 2, "two sessions open")
    await asyncio.sleep(0.05)
    assert sessions.in_use == 2
    release.set()
    await asyncio.gather(*tasks)
    assert (sessions.peak, sessions.in_use) == (2, 0)
