"""registrationStatusChanged over a real websocket, on the in-process broker and on Redis: the agency and the
right seller hear each change, re-read with their own visibility; other tenants hear nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
import pytest
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from server.runtime import Runtime
from tests.plugins.api import World, login_token
from tests.plugins.brokers import BROKERS, runtime_on
from tests.plugins.ws import PROTOCOL, GraphQLWS, until_listening

from .helpers import BOOKMARK, cid, make_campaign, register_one, review, rid

SUBSCRIBE = """subscription($c: ID) { registrationStatusChanged(campaignId: $c) {
  fromStatus toStatus at registration { id status bookmarked totalRateBps product { title } campaign { name } }
} }"""
NOTIFICATIONS = "subscription { notificationReceived { kind title subjectId } }"


@pytest.fixture(params=BROKERS)
async def rt(request: pytest.FixtureRequest, database_url: str, clock) -> AsyncIterator[Runtime]:  # noqa: ANN001
    async with runtime_on(request.param, database_url, clock) as runtime:
        yield runtime


@asynccontextmanager
async def socket(app, http: httpx.AsyncClient, world: World, key: str) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    token = await login_token(http, world[key].email)
    async with httpx.AsyncClient(
        transport=ASGIWebSocketTransport(app), base_url="http://testserver"
    ) as client:
        async with aconnect_ws("http://testserver/graphql", client, subprotocols=[PROTOCOL]) as ws:
            graphql_ws = GraphQLWS(ws.send_text, ws.receive_text)
            assert (await graphql_ws.init({"token": token}))["type"] == "connection_ack"
            yield graphql_ws


async def changes(ws: GraphQLWS, n: int) -> dict[str, list[dict]]:
    """The next n `next` messages, by subscription id."""
    got: dict[str, list[dict]] = {}
    for _ in range(n):
        message = await ws.next_payload()
        assert message["type"] == "next", message
        got.setdefault(message["id"], []).append(message["payload"]["data"]["registrationStatusChanged"])
    return got


async def test_status_changes_reach_the_agency_and_that_seller_only(
    rt, app, http, world: World, as_role
) -> None:  # noqa: ANN001
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    other_campaign = await make_campaign(rt, world, name="Other week")
    async with AsyncExitStack() as stack:
        agency_ws = await stack.enter_async_context(socket(app, http, world, "agency_a"))
        seller_ws = await stack.enter_async_context(socket(app, http, world, "seller_a"))
        other_seller_ws = await stack.enter_async_context(socket(app, http, world, "seller_b"))
        other_agency_ws = await stack.enter_async_context(socket(app, http, world, "agency_b"))
        listening = rt.broker.listening()
        await agency_ws.subscribe("all", SUBSCRIBE)
        await agency_ws.subscribe("one", SUBSCRIBE, {"c": cid(campaign)})
        await seller_ws.subscribe("mine", SUBSCRIBE)
        await seller_ws.subscribe("notes", NOTIFICATIONS)
        await other_seller_ws.subscribe("mine", SUBSCRIBE)
        await other_agency_ws.subscribe("all", SUBSCRIBE)
        await until_listening(rt.broker, listening + 6)

        registration = await register_one(seller, campaign, world.products["seller_a"][0])
        created = await changes(agency_ws, 2)
        assert created["all"] == created["one"]
        [change] = created["all"]
        assert (change["fromStatus"], change["toStatus"], change["at"]) == (
            None,
            "PENDING",
            rt.clock.now().isoformat(),
        )
        assert change["registration"] == {
            "id": rid(registration),
            "status": "PENDING",
            "bookmarked": False,
            "totalRateBps": 2000,
            "product": {"title": "Shop A Serum 0"},
            "campaign": {"name": "Serum week"},
        }
        [seen] = (await changes(seller_ws, 1))["mine"]
        assert (seen["fromStatus"], seen["toStatus"], seen["registration"]["id"]) == (
            None,
            "PENDING",
            rid(registration),
        )

        await agency(BOOKMARK, {"input": {"registrationId": rid(registration), "bookmarked": True}})
        await review(agency, [registration], "APPROVE")
        approved = await changes(agency_ws, 2)
        assert [
            (c["fromStatus"], c["toStatus"], c["registration"]["bookmarked"]) for c in approved["all"]
        ] == [("PENDING", "APPROVED", True)]
        got = {}
        for _ in range(2):  # the change and its notification, in either order
            message = await seller_ws.next_payload()
            got[message["id"]] = message["payload"]["data"]
        # The seller may not see the agency's bookmark: null in the pushed payload.
        pushed = got["mine"]["registrationStatusChanged"]
        assert (
            pushed["toStatus"],
            pushed["registration"]["status"],
            pushed["registration"]["bookmarked"],
        ) == ("APPROVED", "APPROVED", None)
        assert got["notes"]["notificationReceived"] == {
            "kind": "REGISTRATION_APPROVED",
            "title": "Registration approved",
            "subjectId": rid(registration),
        }

        # A change in another campaign of the agency: the campaign-filtered subscription stays quiet.
        elsewhere = await register_one(seller, other_campaign, world.products["seller_a"][1])
        [change] = (await changes(agency_ws, 1))["all"]
        assert change["registration"]["id"] == rid(elsewhere)
        await changes(seller_ws, 1)

        assert await agency_ws.nothing_within(0.3)
        assert await other_seller_ws.nothing_within(0.3)
        assert await other_agency_ws.nothing_within(0.3)


async def test_a_campaign_the_viewer_cannot_see_yields_nothing(rt, app, http, world: World, as_role) -> None:  # noqa: ANN001
    campaign = await make_campaign(rt, world)
    for key, campaign_id in (("agency_b", cid(campaign)), ("agency_a", cid(10**9)), ("seller_b", cid(10**9))):
        async with socket(app, http, world, key) as ws:
            await ws.subscribe("x", SUBSCRIBE, {"c": campaign_id})
            assert await ws.next_payload() == {"id": "x", "type": "complete"}, key


async def test_the_operator_follows_one_campaign(rt, app, http, world: World, as_role) -> None:  # noqa: ANN001
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    async with socket(app, http, world, "operator") as ws:
        await ws.subscribe("all", SUBSCRIBE)
        assert await ws.next_payload() == {"id": "all", "type": "complete"}  # campaignId is required
        listening = rt.broker.listening()
        await ws.subscribe("one", SUBSCRIBE, {"c": cid(campaign)})
        await until_listening(rt.broker, listening + 1)
        registration = await register_one(seller, campaign, world.products["seller_a"][0])
        [change] = (await changes(ws, 1))["one"]
        assert (change["toStatus"], change["registration"]["id"], change["registration"]["bookmarked"]) == (
            "PENDING",
            rid(registration),
            None,
        )
