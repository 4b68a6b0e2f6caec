"""A finished request's read connection serves the next request (server/parked_connections.py): a few are kept,
none that the pool would not hand out itself, and all go back to the pool when requests stop or the process stops."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from sqlalchemy import literal, select, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from server.loaders.request_session import RequestSession, read_columns
from server.parked_connections import ParkedConnections
from server.runtime import Runtime
from tests.conftest import make_settings

pytestmark = pytest.mark.parametrize(
    "database_url", ["postgres"], indirect=True
)  # SQLite reads are not parked


def _with_parked(rt: Runtime, **options: float) -> Runtime:
    parked = ParkedConnections(
        size=int(options.pop("size", 2)), recycle_seconds=rt.settings.database_pool_recycle_seconds, **options
    )
    return dataclasses.replace(rt, parked=parked)


async def _read(rt: Runtime, value: int = 1) -> RequestSession:
    reads = RequestSession(rt.engine, autocommit=True, parked=rt.parked)
    try:
        assert [tuple(row) for row in await read_columns(reads, select(literal(value)), {})] == [(value,)]
    finally:
        await reads.close()
    return reads


def _driver(reads: RequestSession) -> object:
    conn = reads._conn  # noqa: SLF001
    assert conn is not None and conn.sync_connection is not None
    return conn.sync_connection.connection.driver_connection


async def test_the_next_request_reads_on_the_connection_the_last_one_finished_with(rt) -> None:
    rt = _with_parked(rt)
    pool = rt.engine.sync_engine.pool
    first = RequestSession(rt.engine, autocommit=True, parked=rt.parked)
    await read_columns(first, select(literal(1)), {})
    used = _driver(first)
    await first.close()
    assert len(rt.parked) == 1 and pool.checkedout() == 1  # parked, not handed back
    second = RequestSession(rt.engine, autocommit=True, parked=rt.parked)
    await read_columns(second, select(literal(2)), {})
    assert _driver(second) is used and pool.checkedout() == 1
    await second.close()
    await rt.parked.close()
    assert pool.checkedout() == 0


async def test_no_more_than_its_size_are_kept(rt) -> None:
    rt = _with_parked(rt, size=2)
    sessions = [RequestSession(rt.engine, autocommit=True, parked=rt.parked) for _ in range(4)]
    for reads in sessions:  # four requests at once, each with its own connection
        await read_columns(reads, select(literal(1)), {})
    await asyncio.gather(*(reads.close() for reads in sessions))
    assert len(rt.parked) == 2 and rt.engine.sync_engine.pool.checkedout() == 2
    await rt.parked.close()


async def test_connections_go_back_to_the_pool_when_requests_stop(rt) -> None:
    rt = _with_parked(rt, idle_seconds=0.05)
    await _read(rt)
    assert len(rt.parked) == 1
    for _ in range(200):  # polled: the idle timer hands it back
        if rt.engine.sync_engine.pool.checkedout() == 0:
            break
        await asyncio.sleep(0.01)
    assert len(rt.parked) == 0 and rt.engine.sync_engine.pool.checkedout() == 0


async def test_after_a_restart_no_parked_connection_is_used_twice(rt) -> None:
    """The database restarted while a connection was parked: the next read finds it dead, reads again on a fresh
    one from the pool, and the other parked connections (opened before the pool was invalidated) are dropped."""
    rt = _with_parked(rt, size=3)
    sessions = [RequestSession(rt.engine, autocommit=True, parked=rt.parked) for _ in range(3)]
    for reads in sessions:
        await read_columns(reads, select(literal(1)), {})
    await asyncio.gather(*(reads.close() for reads in sessions))
    assert len(rt.parked) == 3
    killer = create_async_engine(rt.settings.database_url, poolclass=NullPool)
    async with killer.connect() as conn:
        await conn.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    await killer.dispose()
    reads = await _read(rt, 2)
    assert reads.checkouts == 2  # the dead parked one, then a fresh one from the pool (now parked, last)
    holder = RequestSession(rt.engine, autocommit=True, parked=rt.parked)
    await read_columns(holder, select(literal(3)), {})  # takes the fresh one
    # the two left were opened before the pool was invalidated: dropped, and the read goes to the pool, no retry
    assert (await _read(rt, 4)).checkouts == 1
    await holder.close()
    assert len(rt.parked) == 2
    await rt.parked.close()


async def test_stopping_the_runtime_hands_every_parked_connection_back(database_url: str, clock) -> None:
    runtime = Runtime.build(make_settings(database_url), clock=clock)
    await runtime.start()
    assert runtime.parked is not None
    await _read(runtime)
    assert len(runtime.parked) == 1
    [(conn, _, _)] = runtime.parked._parked  # noqa: SLF001
    pool = runtime.engine.sync_engine.pool
    await runtime.stop()
    assert len(runtime.parked) == 0 and pool.checkedout() == 0
    assert conn.closed
