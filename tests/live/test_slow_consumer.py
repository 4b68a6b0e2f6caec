"""A subscriber that stops reading is dropped with close code 1013 while the others of its feed keep receiving
every event: a real uvicorn server and real sockets (the in-process transport never applies back-pressure)."""

from __future__ import annotations

import asyncio
import json
import socket as pysocket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from server.events import channels
from server.runtime import Runtime
from tests.api.registrations.helpers import make_campaign, register_one
from tests.plugins.api import World, login_token
from tests.plugins.brokers import BROKERS, runtime_on
from tests.plugins.servers import free_port
from tests.plugins.ws import PROTOCOL

from .helpers import REGISTRATIONS, status_event, subscribed, until


@pytest.fixture(params=BROKERS)
async def rt(request: pytest.FixtureRequest, database_url: str, clock) -> AsyncIterator[Runtime]:  # noqa: ANN001
    async with runtime_on(request.param, database_url, clock) as runtime:
        yield runtime


@asynccontextmanager
async def serving(app) -> AsyncIterator[str]:  # noqa: ANN001
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started, "uvicorn started")
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


async def opened(url: str, token: str, *, slow: bool = False) -> ClientConnection:
    sock = None
    if slow:  # a tiny receive window and queue: the server's sends back up after a few kB
        sock = pysocket.socket()
        sock.setsockopt(pysocket.SOL_SOCKET, pysocket.SO_RCVBUF, 4096)
        sock.connect((url.split("/")[2].split(":")[0], int(url.split(":")[2].split("/")[0])))
    ws = await connect(
        url, subprotocols=[PROTOCOL], compression=None, max_queue=1 if slow else 1024, sock=sock
    )
    await ws.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    return ws


async def test_a_slow_consumer_is_closed_while_the_others_keep_receiving(
    rt, app, http, world: World, as_role
) -> None:  # noqa: ANN001
    hub = app.state.live.hub
    hub.queue_size = 4
    campaign = await make_campaign(rt, world)
    registration = await register_one(await as_role("seller_a"), campaign, world.products["seller_a"][0])
    channel = channels.registrations_of_agency(world["agency_a"].organisation_id)
    event = status_event(registration, campaign, rt.clock.now().isoformat())
    token = await login_token(http, world["agency_a"].email)
    async with serving(app) as url:
        fast = await opened(url, token)
        slow = await opened(url, token, slow=True)
        await fast.send(json.dumps({"id": "f", "type": "subscribe", "payload": {"query": REGISTRATIONS}}))
        for n in range(50):  # the most one socket may hold
            await slow.send(
                json.dumps({"id": f"s{n}", "type": "subscribe", "payload": {"query": REGISTRATIONS}})
            )
        await until(lambda: hub.subscribers == 51, "51 subscribers")
        assert hub.feeds == 1  # the slow socket shares its feed with the fast one
        await subscribed(rt, channel)

        received = 0
        published = 0
        while hub.slow_dropped == 0:
            assert published < 3000, "the slow consumer was never dropped"
            await rt.broker.publish(channel, event)
            published += 1
            message = json.loads(await asyncio.wait_for(fast.recv(), 10))
            assert (message["id"], message["type"]) == ("f", "next"), message
            received += 1
        # The drop closes the whole slow socket: all its 50 operations left; the fast one stays.
        await until(lambda: hub.subscribers == 1, "only the fast subscriber left")
        for _ in range(3):
            await rt.broker.publish(channel, event)
            message = json.loads(await asyncio.wait_for(fast.recv(), 10))
            assert message["payload"]["data"]["registrationStatusChanged"]["toStatus"] == "PENDING"
            received += 1
        assert received == published + 3

        # Reading again, the slow client gets what was buffered, then the close frame.
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(slow.recv(), 10)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1013
        assert "Slow consumer" in closed.value.rcvd.reason
        await fast.close()
