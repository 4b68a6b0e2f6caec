"""A session factory that lets at most N sessions be open at once: live subscriptions take a bounded share of
the pool, whatever the number of subscribers or events."""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

__all__ = ["BoundedSessions"]


class _Bounded:
    __slots__ = ("_cm", "_owner", "_session")

    def __init__(self, owner: BoundedSessions, cm: Any) -> None:
        self._owner = owner
        self._cm = cm

    async def __aenter__(self) -> AsyncSession:
        await self._owner.slots.acquire()
        self._owner.in_use += 1
        self._owner.peak = max(self._owner.peak, self._owner.in_use)
        try:
            return await self._cm.__aenter__()
        except BaseException:
            self._owner.in_use -= 1
            self._owner.slots.release()
            raise

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        try:
            return await self._cm.__aexit__(exc_type, exc, tb)
        finally:
            self._owner.in_use -= 1
            self._owner.slots.release()


class BoundedSessions:
    """Used like an ``async_sessionmaker``: ``async with sessions() as s`` and ``async with sessions.begin() as s``
    wait for one of ``limit`` slots first. ``peak`` records the most sessions ever open at once (tests)."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], limit: int) -> None:
        if limit < 1:
            raise ValueError("the live database session limit must be at least 1")
        self.sessionmaker = sessionmaker
        self.limit = limit
        self.slots = asyncio.Semaphore(limit)
        self.in_use = 0
        self.peak = 0

    def __call__(self, **kw: Any) -> _Bounded:
        return _Bounded(self, self.sessionmaker(**kw))

    def begin(self) -> _Bounded:
        return _Bounded(self, self.sessionmaker.begin())
