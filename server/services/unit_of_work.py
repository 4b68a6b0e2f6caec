"""One transaction per business operation; events are published only after it commits."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, AsyncSessionTransaction

from server.db import WRITE_OPTIONS
from server.runtime import Runtime
from server.webhooks import outbox


class UnitOfWork:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._events: list[tuple[str, dict[str, Any]]] = []
        self.session: AsyncSession

    async def __aenter__(self) -> UnitOfWork:
        # On SQLite the transaction begins with the write lock (server/db.py), so checks and writes run alone.
        self.session = self.rt.sessionmaker(execution_options=WRITE_OPTIONS)
        await self.session.__aenter__()
        return self

    async def savepoint(self) -> AsyncSessionTransaction:
        """``async with await uow.savepoint():`` a SAVEPOINT, so that one failing statement (a unique index
        guarding a race) can be rolled back alone and the transaction goes on. (On SQLite, SQLAlchemy begins the
        outer transaction itself, server/db.py, so the SAVEPOINT is always nested in it.)"""
        return self.session.begin_nested()

    def publish_after_commit(self, channel: str, event: dict[str, Any]) -> None:
        self._events.append((channel, event))

    async def commit(self) -> None:
        # Webhook messages for this unit's events, in its transaction (server/webhooks/outbox.py).
        if self._events or self.session.new:
            await outbox.stage(self, self._events)
        await self.session.commit()
        events, self._events = self._events, []
        for channel, event in events:
            await self.rt.broker.publish(channel, event)

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None and self.session.in_transaction():
                await self.commit()
            elif exc_type is not None:
                await self.session.rollback()
                self._events.clear()
        finally:
            await self.session.__aexit__(exc_type, exc, tb)


async def begin_writing(uow: UnitOfWork) -> None:
    """On SQLite, take the write lock before the first read: a transaction that read first and writes later
    fails at once (not after busy_timeout) when another one wrote in between. Every unit of work begins with
    BEGIN IMMEDIATE on SQLite (server/db.py), so beginning the transaction now is enough."""
    await uow.session.connection()
