"""When the Redis connection drops and comes back, every live subscription is told to refetch (a `next` carrying
only an EVENTS_RESYNC error), and events flow again. The drop is real: CLIENT KILL of the broker's pub/sub
connection."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
import redis.asyncio as aioredis

from server.events import channels
from server.runtime import Runtime
from tests.api.registrations.helpers import make_campaign, register_one, rid
from tests.plugins.api import World, login_token
from tests.plugins.brokers import PrefixedRedisBroker, runtime_on
from tests.plugins.services import REDIS_URL

from .helpers import NOTIFICATIONS, REGISTRATIONS, next_data, socket, status_event, subscribed, until


@pytest.fixture
async def rt(database_url: str, clock) -> AsyncIterator[Runtime]:  # noqa: ANN001
    # Only this test's connections carry this name: CLIENT KILL touches nothing else on a shared Redis.
    async with runtime_on(
        "redis", database_url, clock, client_name=f"matchup-test-{uuid.uuid4().hex[:12]}"
    ) as runtime:
        yield runtime


async def kill_subscriber_connection(broker: PrefixedRedisBroker) -> None:
    client = aioredis.Redis.from_url(REDIS_URL)
    try:
        ids = [c["id"] for c in await client.client_list() if c.get("name") == f"{broker.client_name}:sub"]
        assert len(ids) == 1, ids
        assert await client.client_kill_filter(_id=ids[0]) == 1
    finally:
        await client.aclose()


async def test_every_live_subscription_is_told_to_refetch_when_the_broker_is_back(
    rt, app, http, world: World, as_role
) -> None:  # noqa: ANN001
    broker: PrefixedRedisBroker = rt.broker  # type: ignore[assignment]
    restored = []
    broker.add_restore_listener(lambda: restored.append(True))
    campaign = await make_campaign(rt, world)
    registration = await register_one(await as_role("seller_a"), campaign, world.products["seller_a"][0])
    agency_channel = channels.registrations_of_agency(world["agency_a"].organisation_id)
    async with AsyncExitStack() as stack:
        agency = await stack.enter_async_context(
            socket(app, await login_token(http, world["agency_a"].email))
        )
        seller = await stack.enter_async_context(
            socket(app, await login_token(http, world["seller_a"].email))
        )
        await agency.subscribe("changes", REGISTRATIONS)
        await agency.subscribe("notes", NOTIFICATIONS)
        await seller.subscribe("changes", REGISTRATIONS)
        await until(lambda: app.state.live.hub.subscribers == 3, "three subscriptions")
        await subscribed(rt, agency_channel)

        await kill_subscriber_connection(broker)
        await until(
            lambda: broker.reconnects == 1 and restored == [True], "reconnected and restored", tries=1000
        )

        resync = {
            "data": None,
            "errors": [
                {
                    "message": "The live event connection was restored; events may have been missed: refetch what you show.",
                    "extensions": {"code": "EVENTS_RESYNC"},
                }
            ],
        }
        got = [await next_data(agency), await next_data(agency)]  # the order between operations is free
        assert sorted(got, key=lambda g: g[0]) == [("changes", resync), ("notes", resync)]
        assert await next_data(seller) == ("changes", resync)

        # The subscriptions live on: the next event arrives as usual.
        await subscribed(rt, agency_channel)
        await broker.publish(agency_channel, status_event(registration, campaign, rt.clock.now().isoformat()))
        op, payload = await next_data(agency)
        assert (op, payload["data"]["registrationStatusChanged"]["registration"]["id"]) == (
            "changes",
            rid(registration),
        )
