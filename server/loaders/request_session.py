"""One pooled database connection for all the reads of one HTTP request.

Loader batches, pages and the session lookup of a request share it, one batch at a time (graphql-core runs sibling
resolvers concurrently; an AsyncSession is not safe to share between them, so each use gets its own short session
bound to the request's connection, under a lock). The connection is taken at the first read and handed back when
the response is ready (`close`, called by the GraphQL view): on PostgreSQL to the next request if one of the few
kept between requests is free (server/parked_connections.py), else to the pool; taken from there likewise.

On PostgreSQL no read runs in a transaction: a read is one statement and one round trip, with no BEGIN/ROLLBACK
around each batch (each statement sees what was committed before it, as READ COMMITTED does). A page's select of
plain columns runs straight on the asyncpg connection (server/loaders/driver_reads.py); an ORM session's first use
puts the connection in AUTOCOMMIT. On SQLite each use is a short deferred transaction, which never takes the write
lock (server/db.py).

The pool does not pre-ping connections (one round trip saved per checkout); a connection that turns out to be dead
(the database restarted) is replaced and the statement run again, once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy import Executable, Result
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from server.loaders.driver_reads import fetch_rows, runs_on_driver
from server.parked_connections import ParkedConnections

T = TypeVar("T")


async def _once_more_if_dead(run: Callable[[], Awaitable[T]], replace: Callable[[], Awaitable[object]]) -> T:
    """run(); when it fails because its connection died (the database restarted), replace() the connection and run
    it once more (reads only: running one again is harmless)."""
    try:
        return await run()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
    await replace()
    return await run()


class _ReadSession(AsyncSession):
    """A session on the request's connection that retries a statement once on a fresh connection after a
    disconnect (reads only: running one again is harmless)."""

    _owner: RequestSession

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        execute = super().execute
        return await _once_more_if_dead(lambda: execute(*args, **kwargs), self._rebind)

    async def execute_columns(self, statement: Executable, params: dict[str, Any]) -> Result[Any]:
        """execute_columns (below) with the same retry as `execute`."""

        async def run() -> Result[Any]:
            return await (await self.connection()).execute(statement, params)

        return await _once_more_if_dead(run, self._rebind)

    async def _rebind(self) -> None:
        await self.close()
        self.sync_session.bind = (await self._owner._reconnect()).sync_connection


async def execute_columns(
    session: AsyncSession, statement: Executable, params: dict[str, Any]
) -> Result[Any]:
    """A select of plain columns (no ORM entity) run as a Core statement on the session's connection: the rows as
    the database returned them, without the ORM's pass that rebuilds every row as a tuple of its entities (one
    Python call per row and column). Same connection, transaction and statement cache as `session.execute`."""
    if isinstance(session, _ReadSession):
        return await session.execute_columns(statement, params)
    return await (await session.connection()).execute(statement, params)


async def read_columns(sessionmaker: Any, statement: Executable, params: dict[str, Any]) -> list[Any]:
    """The rows of a select of plain columns. On a request's autocommit connection (PostgreSQL) the statement runs
    on the connection itself: no ORM session is made, begun, emptied and closed around it, which was a tenth of a
    one-statement request. Otherwise in a session of `sessionmaker`, as `execute_columns`."""
    if isinstance(sessionmaker, RequestSession) and sessionmaker.autocommit and not sessionmaker.closed:
        return await sessionmaker.read_columns(statement, params)
    async with sessionmaker() as session:
        return list((await execute_columns(session, statement, params)).all())


class RequestSession:
    """Callable like an async_sessionmaker: `async with reads() as session:`."""

    def __init__(
        self, engine: AsyncEngine, *, autocommit: bool, parked: ParkedConnections | None = None
    ) -> None:
        self._engine = engine
        # autocommit connections handed from one request to the next (server/parked_connections.py)
        self._parked = parked if autocommit else None
        self._autocommit = autocommit
        self._lock = asyncio.Lock()
        self._conn: AsyncConnection | None = None
        self._in_autocommit = False  # whether self._conn is in AUTOCOMMIT yet (an ORM session's first use)
        self._session: _ReadSession | None = None
        self._closed = False
        self.checkouts = 0

    def __call__(self) -> Any:
        return self._use()

    @asynccontextmanager
    async def _use(self) -> AsyncIterator[AsyncSession]:
        if self._closed:  # used after the response (a streamed subscription): a session of its own
            async with AsyncSession(self._engine, expire_on_commit=False) as session:
                yield session
            return
        async with self._lock:
            if (
                self._autocommit
            ):  # one session for the whole request; each use leaves it empty (no stale rows)
                if self._session is None:
                    self._session = self._new_session(await self._autocommit_connection())
                session = self._session
                try:
                    yield session
                except BaseException:
                    self._session = None  # a failed statement: the next use starts from a fresh session
                    await session.close()
                    raise
                session.expunge_all()
                return
            session = self._new_session(self._conn or await self._connect())
            try:
                yield session
            finally:
                await session.close()  # SQLite: ends the deferred transaction, so the next use reads afresh

    @property
    def autocommit(self) -> bool:
        return self._autocommit

    @property
    def closed(self) -> bool:
        return self._closed

    async def read_columns(self, statement: Executable, params: dict[str, Any]) -> list[Any]:
        """A Core select's rows, run on the request's autocommit connection under the lock, with the same retry
        on a fresh connection after a disconnect as a session's `execute`."""

        async def run() -> list[Any]:
            conn = self._conn or await self._connect()
            if runs_on_driver(conn.dialect):
                rows = await fetch_rows(conn, statement, params)
                if rows is not None:
                    return rows
            conn = await self._autocommit_connection()
            return list((await conn.execute(statement, params)).all())

        async def replace() -> None:
            stale, self._session = self._session, None  # bound to the dead connection
            if stale is not None:
                await stale.close()
            await self._reconnect()

        async with self._lock:
            return await _once_more_if_dead(run, replace)

    def _new_session(self, conn: AsyncConnection) -> _ReadSession:
        session = _ReadSession(bind=conn, expire_on_commit=False)
        session._owner = self
        return session

    async def _connect(self, *, fresh: bool = False) -> AsyncConnection:
        """A connection a request finished with, else one from the pool (`fresh`: from the pool)."""
        taken = None if fresh or self._parked is None else await self._parked.take()
        conn, in_autocommit = taken if taken is not None else (await self._engine.connect(), False)
        self.checkouts += 1
        self._conn, self._in_autocommit = conn, in_autocommit
        return conn

    async def _autocommit_connection(self) -> AsyncConnection:
        """The request's connection, in AUTOCOMMIT (so that SQLAlchemy begins no transaction on it)."""
        conn = self._conn or await self._connect()
        if not self._in_autocommit:
            conn = self._conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            self._in_autocommit = True
        return conn

    async def _reconnect(self) -> AsyncConnection:
        dead, self._conn = self._conn, None
        if dead is not None:
            await dead.close()  # already invalidated: this only hands the slot back to the pool
        return await self._connect(fresh=True)

    async def close(self) -> None:
        self._closed = True
        async with self._lock:
            session, self._session = self._session, None
            if session is not None:
                await session.close()
            conn, self._conn = self._conn, None
            if conn is not None:
                if self._parked is not None:
                    await self._parked.park(conn, in_autocommit=self._in_autocommit)
                else:
                    await conn.close()
