"""The start-up check of PostgreSQL's autovacuum (server/hardening/planner_statistics.py): it warns exactly when the
server's setting is off, and a database that does not answer does not stop the server from starting."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from server.hardening.planner_statistics import ADVICE, check_autovacuum
from server.runtime import Runtime
from tests.conftest import make_settings


async def test_warns_exactly_when_autovacuum_is_off(rt: Runtime, caplog: pytest.LogCaptureFixture) -> None:
    if rt.settings.is_sqlite:
        expected = True  # SQLite has no planner statistics to go stale
    else:
        async with rt.engine.connect() as conn:
            expected = (await conn.execute(text("SHOW autovacuum"))).scalar_one() == "on"
    with caplog.at_level(logging.WARNING, logger="matchup.database"):
        assert await check_autovacuum(rt) is expected
    warned = [r for r in caplog.records if r.name == "matchup.database" and r.getMessage() == ADVICE]
    assert len(warned) == (0 if expected else 1)


async def test_a_database_that_does_not_answer_only_warns(caplog: pytest.LogCaptureFixture) -> None:
    # Nothing listens on port 9 (discard): the connection is refused at once.
    runtime = Runtime.build(make_settings("postgresql+asyncpg://postgres@127.0.0.1:9/none"))
    try:
        with caplog.at_level(logging.WARNING, logger="matchup.database"):
            assert await check_autovacuum(runtime) is True
        assert any("could not read PostgreSQL's autovacuum" in r.getMessage() for r in caplog.records)
    finally:
        await runtime.engine.dispose()
