"""Degraded dependencies: /healthz is "the process is alive", /readyz is "the database and the broker answer";
while the database is down GraphQL answers 503 with a GraphQL error SERVICE_UNAVAILABLE (JSON, never a bare 500)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from server.app import create_app
from server.migrate import upgrade_head
from server.runtime import Runtime
from server.services import auth
from tests.conftest import make_settings
from tests.http import GRAPHQL_RESPONSE, LOGIN
from tests.plugins.servers import free_port
from tests.plugins.services import PG_URL, create_pg_database, drop_pg_database, need

UNAVAILABLE = {
    "errors": [
        {
            "message": "The database is unavailable; try again shortly",
            "extensions": {"code": "SERVICE_UNAVAILABLE"},
        }
    ]
}
WRONG_LOGIN = {
    "query": LOGIN,
    "variables": {"i": {"email": "nobody@test.local", "password": "wrong password"}},
}


@asynccontextmanager
async def serving(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(rt.settings, runtime=rt)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client


async def assert_database_down(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).status_code == 200  # alive, just not ready
    ready = await client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["down"] == ["database"] and ready.json()["checks"]["broker"] == {"ok": True}
    for accept, media in (("application/json", "application/json"), (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE)):
        # A field that reads the database (login looks the user up)…
        response = await client.post("/graphql", json=WRONG_LOGIN, headers={"accept": accept})
        assert response.status_code == 503, response.text
        assert response.headers["content-type"].startswith(media) and response.headers["retry-after"] == "5"
        body = response.json()
        assert [e["extensions"]["code"] for e in body["errors"]] == ["SERVICE_UNAVAILABLE"]
        assert body["errors"][0]["message"] == UNAVAILABLE["errors"][0]["message"]
        # …and a token, checked before execution starts.
        response = await client.post(
            "/graphql",
            json={"query": "{ viewer { role } }"},
            headers={"accept": accept, "authorization": "Bearer mus_" + "x" * 43},
        )
        assert (
            response.status_code == 503
            and response.json() == UNAVAILABLE
            and response.headers["retry-after"] == "5"
        )


async def test_ready_when_database_and_broker_answer(rt) -> None:
    async with serving(rt) as client:
        assert (await client.get("/healthz")).json()["ok"] is True
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json() == {
            "ok": True,
            "down": [],
            "checks": {"database": {"ok": True}, "broker": {"ok": True}},
        }
        response = await client.post("/graphql", json=WRONG_LOGIN)
        assert response.status_code == 200 and response.json()["data"]["login"]["userErrors"] == [
            {"code": "INVALID_CREDENTIALS"}
        ]


async def test_unreachable_postgresql(clock) -> None:
    rt = Runtime.build(
        make_settings(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/matchup"), clock=clock
    )
    await rt.start()
    try:
        async with serving(rt) as client:
            await assert_database_down(client)
    finally:
        await rt.stop()


async def test_sqlite_file_gone(tmp_path: Path, clock) -> None:
    folder = tmp_path / "data"
    url = f"sqlite+aiosqlite:///{folder / 'matchup.db'}"
    folder.mkdir()
    upgrade_head(url)
    rt = Runtime.build(make_settings(url), clock=clock)
    await rt.start()
    try:
        async with serving(rt) as client:
            assert (await client.post("/graphql", json=WRONG_LOGIN)).status_code == 200
            await rt.engine.dispose()
            shutil.rmtree(folder)  # the volume went away: no connection can open the file
            await assert_database_down(client)
    finally:
        await rt.stop()


async def test_postgresql_database_dropped_mid_run(clock) -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    url = create_pg_database("matchup_down")
    upgrade_head(url)
    rt = Runtime.build(make_settings(url), clock=clock)
    await rt.start()
    try:
        async with serving(rt) as client:
            assert (
                await client.post("/graphql", json=WRONG_LOGIN)
            ).status_code == 200  # pooled connections open
            drop_pg_database(url)  # WITH (FORCE): the server terminates this app's connections
            await assert_database_down(client)
    finally:
        await rt.stop()
        drop_pg_database(url)


async def test_broker_down_makes_the_process_not_ready(database_url: str, clock) -> None:
    # The Redis broker, pointed at a port nothing listens on.
    settings = make_settings(database_url).model_copy(
        update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"}
    )
    rt = Runtime.build(settings, clock=clock)
    rt.broker.start_timeout = 0.05  # do not wait for a connection that cannot come
    await rt.start()
    try:
        async with serving(rt) as client:
            ready = await client.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["down"] == ["broker"] and ready.json()["checks"]["database"] == {"ok": True}
            assert (await client.get("/healthz")).status_code == 200
    finally:
        await rt.stop()


@pytest.mark.parametrize("accept", ["application/json", GRAPHQL_RESPONSE])
async def test_other_failures_stay_masked_500s_in_json(
    rt, accept: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug is not "unavailable": it stays INTERNAL_SERVER_ERROR with an error id (and HTTP 200 for a field)."""

    async def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise FileNotFoundError("a bug, not an outage")

    monkeypatch.setattr(auth, "login", broken)
    async with serving(rt) as client:
        response = await client.post("/graphql", json=WRONG_LOGIN, headers={"accept": accept})
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
