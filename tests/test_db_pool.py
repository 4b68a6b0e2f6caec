"""The PostgreSQL pool keeps every connection it opens, up to its size: more concurrent requests than a smaller
resident pool must not open and close connections over and over (SQLAlchemy closes an overflow connection handed
back while the pool is full)."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import ValidationError
from sqlalchemy import event, text

from server.db import make_engine
from tests.conftest import make_settings
from tests.plugins.services import need


async def test_connections_handed_back_are_kept_for_the_next_requests(postgres_url: str | None) -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", postgres_url is not None)
    assert postgres_url is not None
    settings = make_settings(postgres_url)
    engine = make_engine(settings)
    opened: list[object] = []
    event.listen(engine.sync_engine, "connect", lambda conn, _record: opened.append(conn))
    concurrent = 16  # more than the 10 the pool used to keep
    assert concurrent <= settings.database_pool_size
    try:
        for _round in range(3):  # every request holds its connection at once, then all hand it back
            connections = [await engine.connect() for _ in range(concurrent)]
            for connection in connections:
                assert (await connection.execute(text("SELECT 1"))).scalar_one() == 1
            await asyncio.gather(*(connection.close() for connection in connections))
        assert len(opened) == concurrent
    finally:
        await engine.dispose()


def test_the_live_share_must_leave_room_in_the_pool() -> None:
    with pytest.raises(ValidationError, match="MATCHUP_LIVE_DB_SESSIONS"):
        make_settings("postgresql+asyncpg://x/y", database_pool_size=4, live_db_sessions=4)
