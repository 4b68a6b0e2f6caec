"""Engine and session factory. Writes go through services with their own unit of work.

On SQLite, SQLAlchemy (not the sqlite3 driver) begins every transaction (SQLAlchemy's "Enabling Non-Legacy SQLite
Transactional Modes" recipe): the driver's own implicit BEGIN, which it skips for SELECTs, is switched off. A session
opened with `WRITE_OPTIONS` (every unit of work) begins with BEGIN IMMEDIATE and so holds the database's write lock
from its first read: its "read, check, write" runs alone, as SELECT ... FOR UPDATE makes it on PostgreSQL. Every
other session begins a deferred BEGIN, which never waits for the write lock (WAL readers do not block writers).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result, Select, event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from server.limits.statements import install_statement_time_limits
from server.settings import Settings

WRITE_LOCK = "matchup_write_lock"
WRITE_OPTIONS = {WRITE_LOCK: True}
"""Session execution options of a session that writes: on SQLite it takes the write lock when it begins."""


def make_engine(settings: Settings) -> AsyncEngine:
    engine = _make_engine(settings)
    install_statement_time_limits(engine, settings)
    return engine


def _make_engine(settings: Settings) -> AsyncEngine:
    if settings.is_sqlite:
        path = settings.database_url.split("///", 1)[-1]
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(settings.database_url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # foreign keys are off by default in SQLite
            dbapi_conn.isolation_level = None  # the driver emits no BEGIN of its own; _sqlite_begin does
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(conn):  # noqa: ANN001, ANN202
            options = conn.get_execution_options()
            if options.get("isolation_level") == "AUTOCOMMIT":
                return
            conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE_LOCK) else "BEGIN")

        return engine
    # No pre-ping (a round trip per checkout): connections are recycled by age, a disconnect invalidates the pool,
    # and reads retry once on a fresh connection (server/loaders/request_session.py). No overflow: SQLAlchemy closes
    # an overflow connection handed back while the pool is full, so more concurrent requests than the pool's size
    # opened and closed connections without end (45-63 new PostgreSQL sessions in 4 s at 16 concurrent requests,
    # each a fork, an authentication and its statements prepared again). Every connection opened is kept.
    return create_async_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=0,
        pool_pre_ping=False,
        pool_recycle=settings.database_pool_recycle_seconds,
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    import server.services.rollups.upkeep  # noqa: F401, PLC0415 - registers the rollup upkeep on every session

    return async_sessionmaker(engine, expire_on_commit=False)


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE, DELETE or INSERT matched. Session.execute is typed to answer a Result; for those
    statements it is a CursorResult, which counts them."""
    return cast("CursorResult[Any]", result).rowcount


async def count_of(session: AsyncSession, stmt: Select[int]) -> int:
    """The number a SELECT count(...) answers (it always answers one row)."""
    return (await session.execute(stmt)).scalar_one()
