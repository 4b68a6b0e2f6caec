"""Fixtures: a migrated database per backend (SQLite always, PostgreSQL when configured), a runtime with a
frozen clock, an in-process ASGI client, per-role API clients and a two-tenant world."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import event, text

from server.auth import passwords
from server.clock import FrozenClock
from server.migrate import upgrade_head
from server.models import Base
from server.runtime import Runtime
from server.settings import Settings
from tests.plugins.services import PG_URL, create_pg_database, drop_pg_database, need

pytest_plugins = ["tests.plugins.api", "tests.plugins.orders", "tests.plugins.stall_watch"]

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
TEST_SECRET = "test-secret-key-0123456789abcdef0123456789"


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    upgrade_head(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    if not PG_URL:
        yield None
        return
    url = create_pg_database("matchup_test")
    upgrade_head(url)
    yield url
    drop_pg_database(url)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "postgres":
        need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
        return request.getfixturevalue("postgres_url")
    return sqlite_url


def make_settings(database_url: str, **overrides: object) -> Settings:
    # Every request reads its session, so a test's statement counts do not depend on what it sent before; the
    # cache of verified tokens has its own tests (tests/api/test_principal_cache.py).
    overrides.setdefault("principal_cache_seconds", 0)
    # An app's lifespan would freeze the test worker's whole heap and raise its collection thresholds for every
    # later test; tests/test_gc_tuning.py turns it on where that is what it tests.
    overrides.setdefault("gc_tuning", False)
    return Settings(
        env="test",
        database_url=database_url,
        secret_key=TEST_SECRET,
        redis_url=None,
        web_dist=Path("/nonexistent"),
        **overrides,
    )


# PostgreSQL: every table emptied child first and every sequence restarted, in one round trip. A test leaves a few
# rows, and deleting them takes ~10 ms where TRUNCATE ... RESTART IDENTITY (a new file per table) took 150-350 ms.
_PG_EMPTY = "".join(f'DELETE FROM "{t.name}";' for t in reversed(Base.metadata.sorted_tables)) + (
    "DO $$DECLARE s record; BEGIN"
    " FOR s IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() LOOP"
    " EXECUTE format('ALTER SEQUENCE %I RESTART', s.sequencename); END LOOP; END$$;"
)


async def _empty_all_tables(rt: Runtime) -> None:
    async with rt.engine.begin() as conn:
        if rt.settings.is_sqlite:
            for table in reversed(Base.metadata.sorted_tables):
                await conn.execute(text(f'DELETE FROM "{table.name}"'))
        else:  # several statements need the driver's simple query protocol
            raw = await conn.get_raw_connection()
            await raw.driver_connection.execute(_PG_EMPTY)  # type: ignore[union-attr]


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the worker holds once its tests are collected (modules, the test items) lives for the whole run: frozen
    (as the server freezes its start-up, server/gc_tuning.py), the full collections between tests walk only what
    the tests themselves made. Nothing is collected less: only objects that already exist are frozen."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Still argon2id, at the lowest cost: production cost (~80 ms to 1 s a hash on a busy machine) would
    dominate seeding and logging in, and no test depends on how expensive the hash is."""
    original = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = original


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
async def rt(database_url: str, clock: FrozenClock) -> AsyncIterator[Runtime]:
    runtime = Runtime.build(make_settings(database_url), clock=clock)
    await _empty_all_tables(runtime)
    await runtime.start()
    yield runtime
    await runtime.stop()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture
def queries(rt: Runtime) -> Iterator[QueryCounter]:
    """Counts SQL statements sent through the runtime's engine (for N+1 assertions)."""
    counter = QueryCounter()

    def before(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        if (
            not statement.lstrip()
            .upper()
            .startswith(("PRAGMA", "SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK"))
        ):
            counter.statements.append(statement)

    event.listen(rt.engine.sync_engine, "before_cursor_execute", before)
    yield counter
    event.remove(rt.engine.sync_engine, "before_cursor_execute", before)
