"""commissionChanged (creators, agencies) and orderLineChanged (sellers): each ingested event reaches the parties
of the line, re-read through each one's scope and field rules."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from sqlalchemy import select

from server import models
from server.events import channels
from server.runtime import Runtime
from tests.orders.world import Integration, OrdersWorld, created, event, line
from tests.plugins.api import login_token
from tests.plugins.ws import PROTOCOL, GraphQLWS

FIELDS = """platformOrderId status creatorName totalRateBps creatorRateBps
  sellerCommission { estimated { amount } } creatorCommission { estimated { amount } }
  agencyCommission { estimated { amount } } creator { handle }"""
COMMISSIONS = "subscription { commissionChanged { " + FIELDS + " } }"
LINES = "subscription { orderLineChanged { " + FIELDS + " } }"


@asynccontextmanager
async def socket(app, http: httpx.AsyncClient, email: str) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    token = await login_token(http, email)
    async with httpx.AsyncClient(
        transport=ASGIWebSocketTransport(app), base_url="http://testserver"
    ) as client:
        async with aconnect_ws("http://testserver/graphql", client, subprotocols=[PROTOCOL]) as ws:
            graphql_ws = GraphQLWS(ws.send_text, ws.receive_text)
            assert (await graphql_ws.init({"token": token}))["type"] == "connection_ack"
            yield graphql_ws


async def listening(rt: Runtime, ws: GraphQLWS, query: str, channel: str) -> GraphQLWS:
    before = rt.broker.local_subscribers(channel)
    await ws.subscribe("s", query)
    for _ in range(200):
        if rt.broker.local_subscribers(channel) > before:
            return ws
        await asyncio.sleep(0.01)
    raise AssertionError(f"nobody listens on {channel}")


async def payload(ws: GraphQLWS) -> dict:
    message = await ws.next_payload()
    assert message["type"] == "next", message
    return next(iter(message["payload"]["data"].values()))


def estimated(value: str | None) -> dict | None:
    return None if value is None else {"estimated": {"amount": value}}


async def test_each_party_hears_the_line_as_it_may_see_it(
    rt,
    app,
    http,
    ow: OrdersWorld,
    people,
    us: Integration,
    clock,  # noqa: ANN001
) -> None:
    async with AsyncExitStack() as stack:

        async def open_(who: str, query: str, channel: str) -> GraphQLWS:
            ws = await stack.enter_async_context(socket(app, http, f"{who}@orders.test"))
            return await listening(rt, ws, query, channel)

        agency = await open_("agency", COMMISSIONS, channels.commissions_of_org(people["agency"]))
        alice = await open_("alice", COMMISSIONS, channels.commissions_of_org(people["alice"]))
        bao = await open_("bao", COMMISSIONS, channels.commissions_of_org(people["bao"]))
        seller = await open_("seller_us", LINES, channels.order_lines_of_shop(people["seller_us"]))

        product = ow.us.registered[0]
        await us.send(
            created(
                "live-1",
                clock.now(),
                [
                    line(
                        "1",
                        product,
                        quantity=2,
                        price="40.00",
                        currency=ow.us.currency,
                        attribution={"showcase_entry_id": product.entry_gid("alice")},
                    )
                ],
            )
        )
        for ws in (agency, alice, seller):
            assert (await payload(ws))["status"] == "PLACED"
        await us.send(event("paid", "live-1", clock.now()))
        assert await payload(agency) == {
            "platformOrderId": "live-1",
            "status": "PAID",
            "creatorName": "Alice",
            "totalRateBps": 2000,
            "creatorRateBps": 1500,
            "sellerCommission": estimated("16.00"),
            "creatorCommission": estimated("12.00"),
            "agencyCommission": estimated("4.00"),
            "creator": {"handle": "alice"},
        }
        assert await payload(alice) == {
            "platformOrderId": "live-1",
            "status": "PAID",
            "creatorName": "Alice",
            "totalRateBps": None,
            "creatorRateBps": 1500,
            "sellerCommission": None,
            "creatorCommission": estimated("12.00"),
            "agencyCommission": None,
            "creator": {"handle": "alice"},
        }
        assert await payload(seller) == {
            "platformOrderId": "live-1",
            "status": "PAID",
            "creatorName": None,
            "totalRateBps": 2000,
            "creatorRateBps": None,
            "sellerCommission": estimated("16.00"),
            "creatorCommission": None,
            "agencyCommission": None,
            "creator": None,
        }
        assert await bao.nothing_within(0.3)  # another creator's line


async def test_a_stray_event_for_a_line_out_of_scope_is_dropped(
    rt, app, http, ow: OrdersWorld, people, vn, clock
) -> None:  # noqa: ANN001
    """Even a line id published on the viewer's own channel is re-read through its scope: nothing leaks."""
    product = ow.vn.registered[0]
    await vn.send(
        created(
            "vn-1",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price="99999",
                    currency=ow.vn.currency,
                    attribution={"showcase_entry_id": product.entry_gid("bao")},
                )
            ],
        )
    )
    async with rt.sessionmaker() as s:
        line_id = await s.scalar(select(models.OrderLine.id))
    async with socket(app, http, "alice@orders.test") as ws:
        await listening(rt, ws, COMMISSIONS, channels.commissions_of_org(people["alice"]))
        await rt.broker.publish(channels.commissions_of_org(people["alice"]), {"orderLineId": line_id})
        assert await ws.nothing_within(0.3)
