"""What a running process shares: settings, database, broker and clock. Built once in the app lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from server.auth.principal_cache import PrincipalCache
from server.clock import Clock
from server.db import make_engine, make_sessionmaker
from server.events.broker import Broker, make_broker
from server.parked_connections import ParkedConnections
from server.settings import Settings


@dataclass(slots=True)
class Runtime:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    broker: Broker
    clock: Clock
    # Process-local caches of derived data keyed so that they never go stale (e.g. the refund curves of one day).
    caches: dict[str, Any] = field(default_factory=dict)
    # Session tokens verified a moment ago (server/auth/principal_cache.py); off unless built from settings.
    principals: PrincipalCache = field(default_factory=lambda: PrincipalCache(0))
    # Connections one HTTP request's reads hand to the next (server/parked_connections.py); PostgreSQL only.
    parked: ParkedConnections | None = None

    @classmethod
    def build(cls, settings: Settings, clock: Clock | None = None, broker: Broker | None = None) -> Runtime:
        engine = make_engine(settings)
        return cls(
            settings=settings,
            engine=engine,
            sessionmaker=make_sessionmaker(engine),
            broker=broker or make_broker(settings.redis_url, settings.broker_queue_size),
            clock=clock or Clock(),
            principals=PrincipalCache(settings.principal_cache_seconds),
            parked=None
            if settings.is_sqlite
            else ParkedConnections(
                size=max(1, settings.database_pool_size // 2),
                recycle_seconds=settings.database_pool_recycle_seconds,
            ),
        )

    async def start(self) -> None:
        await self.broker.start()

    async def stop(self) -> None:
        await self.broker.stop()
        if self.parked is not None:
            await self.parked.close()
        await self.engine.dispose()
