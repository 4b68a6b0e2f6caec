"""A minimal graphql-transport-ws client over httpx-ws (in-process ASGI) or websockets (real servers)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

PROTOCOL = "graphql-transport-ws"


class GraphQLWS:
    """Wraps an open websocket with send/receive of JSON messages of the graphql-transport-ws protocol."""

    def __init__(self, send_text, receive_text) -> None:  # noqa: ANN001
        self._send = send_text
        self._receive = receive_text

    async def send(self, message: dict[str, Any]) -> None:
        await self._send(json.dumps(message))

    async def receive(self, timeout: float = 5.0) -> dict[str, Any]:
        return json.loads(await asyncio.wait_for(self._receive(), timeout))

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, op_id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        await self.send(
            {"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}
        )

    async def next_payload(self, timeout: float = 5.0) -> dict[str, Any]:
        while True:
            message = await self.receive(timeout)
            if message["type"] == "ping":
                await self.send({"type": "pong"})
                continue
            return message

    async def nothing_within(self, seconds: float) -> bool:
        try:
            message = await self.next_payload(seconds)
        except TimeoutError:
            return True
        raise AssertionError(f"expected no message, got {message}")


async def until_listening(broker: Any, count: int) -> None:
    """Polls until `count` subscriptions of this process are active at the broker (Redis delivers only to channels
    already subscribed), instead of sleeping for a guess."""
    for _ in range(1000):
        if broker.listening() >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{broker.listening()} subscriptions active, expected {count}")
