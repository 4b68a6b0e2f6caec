"""Connections a finished HTTP request hands straight to the next one (PostgreSQL reads), instead of back to the pool.

Taking a connection from SQLAlchemy's pool and handing it back runs the pool's synchronous code in a greenlet, twice
a request, from deep in the request's stack: a tenth of a small page's CPU in the process (bench/README.md). A
request's reads run on an autocommit connection whose state never changes (no transaction, the statement timeout
set once at connect), so the connection one request finished with can serve the next one as it is.

A few are kept (`size`, half the pool); more, or one that is invalidated or older than the pool's recycle
age, goes back to the pool as usual. One not taken again within `idle_seconds` goes back too, so connections are
parked only while requests keep coming: between bursts the pool has every connection it is not lending out for
writes, websockets and the sweeper. Parked connections count as checked out in the pool's metrics.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

IDLE_SECONDS = 1.0


class ParkedConnections:
    def __init__(
        self,
        *,
        size: int,
        recycle_seconds: float,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.size = size
        self.recycle_seconds = recycle_seconds
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._parked: list[tuple[AsyncConnection, bool, float]] = []  # (connection, in AUTOCOMMIT, parked at)
        self._timer: asyncio.TimerHandle | None = None
        self._closing: set[asyncio.Future[Any]] = set()

    def __len__(self) -> int:
        return len(self._parked)

    async def take(self) -> tuple[AsyncConnection, bool] | None:
        """The most recently parked connection still fit for use and whether it is in AUTOCOMMIT yet, or None."""
        while self._parked:
            conn, in_autocommit, _ = self._parked.pop()
            if self._reusable(conn):
                return conn, in_autocommit
            await conn.close()  # the pool was invalidated (the database restarted) since it was parked
        return None

    async def park(self, conn: AsyncConnection, *, in_autocommit: bool) -> None:
        """Keeps `conn` for the next request, or hands it back to the pool."""
        if len(self._parked) >= self.size or not self._reusable(conn):
            await conn.close()
            return
        self._parked.append((conn, in_autocommit, self._clock()))
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.idle_seconds, self._release_idle)

    async def close(self) -> None:
        """Hands every parked connection back to the pool (before the engine is disposed)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        parked, self._parked = self._parked, []
        await asyncio.gather(*(conn.close() for conn, _, _ in parked), *self._closing)

    def _reusable(self, conn: AsyncConnection) -> bool:
        sync = conn.sync_connection
        if sync is None or sync.invalidated or sync.closed:
            return False
        record = sync.connection._connection_record  # noqa: SLF001 - the pool's record of its age
        if record is None:
            return False
        # what the pool checks at checkout: opened before the pool was invalidated (a disconnect), or too old
        if record.starttime <= sync.engine.pool._invalidate_time:  # noqa: SLF001
            return False
        return self.recycle_seconds < 0 or time.time() - record.starttime < self.recycle_seconds

    def _release_idle(self) -> None:
        self._timer = None
        oldest_kept = self._clock() - self.idle_seconds
        idle = [entry for entry in self._parked if entry[2] <= oldest_kept]
        if idle:
            self._parked = [entry for entry in self._parked if entry[2] > oldest_kept]
            task = asyncio.ensure_future(asyncio.gather(*(conn.close() for conn, _, _ in idle)))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        if self._parked:
            wait = self._parked[0][2] + self.idle_seconds - self._clock()
            self._timer = asyncio.get_running_loop().call_later(max(wait, 0.01), self._release_idle)
