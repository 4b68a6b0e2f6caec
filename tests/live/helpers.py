"""Live fan-out test helpers: graphql-transport-ws sockets on the in-process app, and publishing thin events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from server.runtime import Runtime
from tests.plugins.ws import PROTOCOL, GraphQLWS

REGISTRATIONS = """subscription($c: ID) { registrationStatusChanged(campaignId: $c) {
  fromStatus toStatus registration { id status totalRateBps product { title } campaign { name } }
} }"""
NOTIFICATIONS = "subscription { notificationReceived { kind title } }"


@asynccontextmanager
async def socket(app, token: str) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    async with httpx.AsyncClient(
        transport=ASGIWebSocketTransport(app), base_url="http://testserver"
    ) as client:
        async with aconnect_ws("http://testserver/graphql", client, subprotocols=[PROTOCOL]) as ws:
            graphql_ws = GraphQLWS(ws.send_text, ws.receive_text)
            assert (await graphql_ws.init({"token": token}))["type"] == "connection_ack"
            yield graphql_ws


async def until(condition: Callable[[], bool], what: str, tries: int = 500) -> None:
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


async def subscribed(rt: Runtime, channel: str) -> None:
    """Until the broker has ``channel`` active (for Redis: SUBSCRIBE confirmed, so a publish now is delivered)."""
    name = getattr(rt.broker, "prefix", "") + channel

    def ready() -> bool:
        if rt.broker.local_subscribers(name) == 0:
            return False
        on_server = getattr(rt.broker, "_on_server", None)
        return on_server is None or (name in on_server and name not in rt.broker._pending)  # type: ignore[attr-defined]

    await until(ready, f"{channel} subscribed")


def status_event(registration_id: int, campaign_id: int, at: str) -> dict[str, Any]:
    """The thin event the registration service publishes after commit."""
    return {"id": registration_id, "campaignId": campaign_id, "from": None, "to": "PENDING", "at": at}


async def next_data(ws: GraphQLWS) -> tuple[str, Any]:
    message = await ws.next_payload()
    assert message["type"] == "next", message
    return message["id"], message["payload"]
