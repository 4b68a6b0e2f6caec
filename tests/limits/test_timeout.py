"""The time limit per request: the operation is cancelled, its statements stopped, the client told."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from server.limits.statements import DEADLINE, Interrupts
from server.runtime import Runtime
from tests.conftest import make_settings
from tests.limits.conftest import client, post, socket
from tests.plugins.api import login_token
from tests.plugins.services import need

LONG_SQLITE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM c"


async def _login(limited_app, email: str) -> str:  # noqa: ANN001
    """Logs in through an app with the default limit: these tests time the stalled step, not the password hash."""
    async with client(limited_app()) as http:
        return await login_token(http, email)


@pytest.fixture
def stalled(monkeypatch: pytest.MonkeyPatch) -> asyncio.Event:
    """An injected slow step: the `products` resolver's read waits for an event nobody sets (until the time limit cancels it)."""
    never = asyncio.Event()
    reached = asyncio.Event()

    async def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reached.set()
        await never.wait()

    monkeypatch.setattr("server.resolvers.query.products.products_connection", slow)
    return reached


async def test_an_http_request_over_the_limit_is_stopped_with_a_clear_error(
    limited_app, world, stalled, caplog: pytest.LogCaptureFixture
) -> None:
    app = limited_app(request_timeout_seconds=0.2)
    async with client(app) as http:
        token = await _login(limited_app, world["seller_a"].email)
        response = await post(http, token, "{ products { totalCount } }")
        body = response.json()
        assert response.status_code == 504 and stalled.is_set()
        assert body["data"] is None
        [error] = body["errors"]
        assert error["extensions"] == {"code": "REQUEST_TIMEOUT", "timeoutSeconds": 0.2}
        assert "time limit of 0.2 s" in error["message"]
        assert body["extensions"]["cost"]["requestedQueryCost"] == 1
        # The log says where the operation was waiting when it was stopped: the stalled read, innermost last.
        [stopped] = [
            r for r in caplog.records if r.getMessage() == "request stopped by its time limit of 0.2s"
        ]
        where = stopped.fields["stuck_at"]  # type: ignore[attr-defined]
        assert "in slow" in where[-2] and "in wait" in where[-1], where
        # The next request on the same process is answered as usual.
        assert (await post(http, token, "{ viewer { role } }")).json()["data"] == {
            "viewer": {"role": "SELLER"}
        }


async def test_a_websocket_operation_over_the_limit_gets_the_error_and_the_socket_stays(
    limited_app, world, stalled
) -> None:
    app = limited_app(request_timeout_seconds=0.2)
    token = await _login(limited_app, world["seller_a"].email)
    async with socket(app, token) as ws:
        await ws.subscribe("1", "{ products { totalCount } }")
        message = await ws.next_payload()
        assert message["type"] == "next" and message["payload"]["data"] is None
        assert message["payload"]["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
        assert await ws.next_payload() == {"id": "1", "type": "complete"}
        await ws.subscribe("2", "{ viewer { role } }")
        assert (await ws.next_payload())["payload"]["data"] == {"viewer": {"role": "SELLER"}}


async def test_sqlite_statements_past_the_request_deadline_are_interrupted(sqlite_url: str) -> None:
    rt = Runtime.build(make_settings(sqlite_url))
    try:
        async with rt.engine.connect() as conn:
            assert (
                await conn.execute(
                    text(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                        "WHERE x < 100000) SELECT count(*) FROM c"
                    )
                )
            ).scalar_one() == 100000
        token = DEADLINE.set(time.monotonic() - 1)  # a request whose time is up
        try:
            async with rt.engine.connect() as conn:
                with pytest.raises(OperationalError, match="interrupted"):
                    await conn.execute(text(LONG_SQLITE))
        finally:
            DEADLINE.reset(token)
        async with rt.engine.connect() as conn:  # outside a request: no deadline
            assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        await rt.engine.dispose()


async def test_postgres_connections_carry_the_statement_timeout(postgres_url: str | None) -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", postgres_url is not None)
    rt = Runtime.build(make_settings(postgres_url, request_timeout_seconds=0.25))
    try:
        async with rt.engine.connect() as conn:
            assert (await conn.execute(text("SHOW statement_timeout"))).scalar_one() == "250ms"
            with pytest.raises(DBAPIError, match="statement timeout"):
                await conn.execute(text("SELECT pg_sleep(30)"))
    finally:
        await rt.engine.dispose()


async def _pg_running(rt: Runtime, marker: str) -> int:
    async with rt.engine.connect() as conn:
        return (
            await conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE :m AND pid <> pg_backend_pid()"
                ),
                {"m": f"%{marker}%"},
            )
        ).scalar_one()


async def test_a_request_out_of_time_stops_its_statement(rt, limited_app, world, monkeypatch) -> None:
    marker = f"matchup-timeout-{time.monotonic_ns()}"
    slow_sql = (
        f"{LONG_SQLITE} /* {marker} */" if rt.settings.is_sqlite else f"SELECT pg_sleep(30) /* {marker} */"
    )
    started = asyncio.Event()
    interrupts = Interrupts.count

    async def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        async with rt.sessionmaker() as session:
            started.set()
            await session.execute(text(slow_sql))

    monkeypatch.setattr("server.resolvers.query.products.products_connection", slow)
    app = limited_app(request_timeout_seconds=0.3)
    async with client(app) as http:
        token = await _login(limited_app, world["seller_a"].email)
        body = (await post(http, token, "{ products { totalCount } }")).json()
    assert started.is_set() and body["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
    # Poll until the database has stopped the statement (no wall-clock assertion: it must simply happen).
    for _ in range(500):
        stopped = (
            Interrupts.count > interrupts if rt.settings.is_sqlite else await _pg_running(rt, marker) == 0
        )
        if stopped:
            break
        await asyncio.sleep(0.02)
    assert stopped
