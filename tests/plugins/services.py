"""Which real services the run has: PostgreSQL and Redis from env; CI sets MATCHUP_REQUIRE_SERVICES=1."""

from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("MATCHUP_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("MATCHUP_TEST_REDIS_URL")
REQUIRED = os.environ.get("MATCHUP_REQUIRE_SERVICES") == "1"


def need(what: str, available: bool) -> None:
    """Skip when a real service is absent, except in CI where it must fail instead."""
    if available:
        return
    if REQUIRED:
        pytest.fail(f"{what} is required (MATCHUP_REQUIRE_SERVICES=1) but not configured")
    pytest.skip(f"{what} not configured")


def _run(coro_fn) -> None:  # noqa: ANN001
    """asyncio.run in a worker thread, so it works from sync code and from inside a running loop."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(coro_fn())).result()


def create_pg_database(prefix: str) -> str:
    """CREATE DATABASE <prefix>_<hex> on the test server; returns its asyncpg URL."""
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"

    async def create() -> None:
        conn = await asyncpg.connect(
            user=url.username,
            password=url.password,
            host=url.host,
            port=url.port or 5432,
            database=url.database,
        )
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    _run(create)
    return url.set(drivername="postgresql+asyncpg", database=name).render_as_string(hide_password=False)


def drop_pg_database(database_url: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    target = make_url(database_url).database
    url = make_url(PG_URL)

    async def drop() -> None:
        conn = await asyncpg.connect(
            user=url.username,
            password=url.password,
            host=url.host,
            port=url.port or 5432,
            database=url.database,
        )
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        finally:
            await conn.close()

    _run(drop)
