"""A runtime on either broker, for tests that must hold on both (in-process and Redis pub/sub)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from server.clock import Clock
from server.events.redis import RedisBroker
from server.runtime import Runtime
from tests.plugins.services import REDIS_URL, need

BROKERS = ["memory", "redis"]


class PrefixedRedisBroker(RedisBroker):
    """Redis pub/sub for real, on channel names of this test only (other runs may share the Redis server)."""

    def __init__(self, url: str, prefix: str) -> None:
        super().__init__(url)
        self.prefix = prefix

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        await super().publish(self.prefix + channel, event)

    def subscribe(self, *channels: str):  # noqa: ANN201
        return super().subscribe(*(self.prefix + c for c in channels))


@asynccontextmanager
async def runtime_on(
    broker_kind: str, database_url: str, clock: Clock, *, client_name: str | None = None
) -> AsyncIterator[Runtime]:
    """A started runtime on empty tables, publishing through the in-process broker or through Redis (its
    connections named ``client_name`` when given, e.g. to CLIENT KILL exactly them)."""
    from tests.conftest import _empty_all_tables, make_settings

    broker = None
    if broker_kind == "redis":
        need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
        assert REDIS_URL is not None
        broker = PrefixedRedisBroker(REDIS_URL, f"test:{uuid.uuid4().hex}:")
        if client_name is not None:
            broker.client_name = client_name
    runtime = Runtime.build(make_settings(database_url), clock=clock, broker=broker)
    await _empty_all_tables(runtime)
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.stop()
