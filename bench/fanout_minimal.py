"""The comparison for bench/fanout.py: a minimal live fan-out with no GraphQL and no database.

Plain Starlette websockets on uvicorn (the same server and websocket implementation as Matchup) and the same
Redis pub/sub: one pub/sub connection per process, one SUBSCRIBE per channel; a client sends
``{"id": ..., "type": "subscribe", "channel": ...}`` (many per socket) and gets, for every event on the channel,
``{"id": ..., "type": "next", "payload": <the event>}``.

    uvicorn --factory bench.fanout_minimal:create_app   (MATCHUP_REDIS_URL names the Redis server)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator

import redis.asyncio as aioredis
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect


def create_app() -> Starlette:
    url = os.environ.get("MATCHUP_REDIS_URL", "redis://127.0.0.1:6379/0")
    listeners: dict[str, set[tuple[WebSocket, str]]] = {}
    state: dict[str, object] = {}

    async def pump(pubsub: aioredis.client.PubSub) -> None:
        while True:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            if message is None:
                continue
            channel = message["channel"].decode()
            data = message["data"].decode()
            for ws, op in list(listeners.get(channel, ())):
                with contextlib.suppress(Exception):
                    await ws.send_text('{"id":' + json.dumps(op) + ',"type":"next","payload":' + data + "}")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        client = aioredis.Redis.from_url(url)
        pubsub = client.pubsub()
        await pubsub.subscribe("bench:minimal:noop")
        state["pubsub"] = pubsub
        task = asyncio.create_task(pump(pubsub))
        yield
        task.cancel()
        await pubsub.aclose()
        await client.aclose()

    async def endpoint(ws: WebSocket) -> None:
        await ws.accept()
        mine: list[tuple[str, tuple[WebSocket, str]]] = []
        try:
            while True:
                message = json.loads(await ws.receive_text())
                if message.get("type") == "subscribe":
                    channel, entry = message["channel"], (ws, message["id"])
                    if channel not in listeners:
                        listeners[channel] = set()
                        await state["pubsub"].subscribe(channel)  # type: ignore[attr-defined]
                    listeners[channel].add(entry)
                    mine.append((channel, entry))
        except WebSocketDisconnect:
            pass
        finally:
            for channel, entry in mine:
                listeners.get(channel, set()).discard(entry)

    return Starlette(routes=[WebSocketRoute("/ws", endpoint)], lifespan=lifespan)
