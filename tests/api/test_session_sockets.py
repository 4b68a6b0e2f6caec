"""Logout, revocation and expiry close that session's open websockets (4401 "Session ended"), in-process and
across two runtimes sharing Redis; other sessions' sockets stay open."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
from sqlalchemy import func, select

from server import models
from server.app import create_app
from server.runtime import Runtime
from server.services import sessions
from server.services.sweeper import sweep
from tests.api.test_websocket import SUBSCRIBE, _find_disconnect, ws_client
from tests.conftest import _empty_all_tables, make_settings
from tests.plugins.api import Api, build_world, login_token
from tests.plugins.brokers import PrefixedRedisBroker
from tests.plugins.services import REDIS_URL, need
from tests.plugins.ws import GraphQLWS

CREATE_KEY = 'mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }'


async def closed_with(ws: GraphQLWS) -> int:
    """Reads until the server closes the socket; fails on any event (nothing may arrive after the session ended)."""
    try:
        while True:
            message = await ws.receive(timeout=10)
            assert message["type"] in ("ping", "pong"), f"an event after the session ended: {message}"
    except BaseException as exc:  # httpx-ws raises inside (nested) task groups
        disconnect = _find_disconnect(exc)
        if disconnect is None:
            raise
        return disconnect.code


@asynccontextmanager
async def live_socket(app, token: str) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    """A socket authenticated with `token`, subscribed to notifications; tolerates being closed by the server."""
    try:
        async with ws_client(app) as ws:
            assert (await ws.init({"token": token}))["type"] == "connection_ack"
            await ws.subscribe("n", SUBSCRIBE)
            yield ws
    except BaseException as exc:
        if _find_disconnect(exc) is None:
            raise


async def _event_arrives(ws: GraphQLWS, api: Api) -> None:
    """Polls: causes a notification until the subscription (live once subscribed) delivers one."""
    for _ in range(20):
        await api(CREATE_KEY)
        try:
            message = await ws.next_payload(timeout=0.5)
        except TimeoutError:
            continue
        assert message["type"] == "next", message
        return
    raise AssertionError("the subscription never delivered")


async def _drain(ws: GraphQLWS) -> None:
    try:
        while True:
            await ws.next_payload(timeout=0.2)
    except TimeoutError:
        return


async def test_logout_closes_the_sockets_of_that_session(app, http, world) -> None:
    token = await login_token(http, world["seller_a"].email)
    other_token = await login_token(http, world["seller_a"].email)
    other_api = Api(http, other_token)
    async with live_socket(app, token) as ws, live_socket(app, other_token) as other:
        await _event_arrives(ws, other_api)
        await _drain(ws)
        await _drain(other)
        assert (await Api(http, token)("mutation { logout { ok } }"))["logout"] == {"ok": True}
        assert await closed_with(ws) == 4401
        # The other session of the same user keeps its socket and its events.
        await other_api(CREATE_KEY)
        assert (await other.next_payload())["type"] == "next"


async def test_logout_over_the_socket_itself_closes_it(app, http, world) -> None:
    token = await login_token(http, world["agency_a"].email)
    async with live_socket(app, token) as ws:
        await ws.send({"id": "out", "type": "subscribe", "payload": {"query": "mutation { logout { ok } }"}})
        assert await closed_with(ws) == 4401


async def test_revoking_a_users_sessions_closes_their_sockets(rt, app, http, world) -> None:
    token = await login_token(http, world["creator_a"].email)
    async with live_socket(app, token) as ws:
        await _drain(ws)
        assert len(await sessions.revoke_sessions(rt, user_id=world["creator_a"].user_id)) == 1
        assert await closed_with(ws) == 4401


async def test_the_sweeper_ends_expired_sessions_and_closes_their_sockets(
    rt, clock, app, http, world
) -> None:
    token = await login_token(http, world["seller_b"].email)
    async with live_socket(app, token) as ws:
        await _drain(ws)
        clock.advance(timedelta(hours=rt.settings.session_ttl_hours, seconds=1))
        assert (await sweep(rt))["end expired sessions"] == 1
        assert await closed_with(ws) == 4401
    async with rt.sessionmaker() as s:
        assert (await s.execute(select(func.count()).select_from(models.UserSession))).scalar_one() == 0
    assert (await sweep(rt))["end expired sessions"] == 0


async def test_an_expired_session_cannot_start_an_operation(rt, clock, app, http, world) -> None:
    token = await login_token(http, world["seller_b"].email)
    async with live_socket(app, token) as ws:
        await _drain(ws)
        clock.advance(timedelta(hours=rt.settings.session_ttl_hours, seconds=1))  # no sweep
        await ws.send({"id": "q", "type": "subscribe", "payload": {"query": "{ viewer { role } }"}})
        assert await closed_with(ws) == 4401


async def test_logout_on_one_runtime_closes_a_socket_on_another_through_redis(database_url, clock) -> None:
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"test:{uuid.uuid4().hex}:"
    first = Runtime.build(
        make_settings(database_url), clock=clock, broker=PrefixedRedisBroker(REDIS_URL, prefix)
    )
    second = Runtime.build(
        make_settings(database_url), clock=clock, broker=PrefixedRedisBroker(REDIS_URL, prefix)
    )
    await _empty_all_tables(first)
    await first.start()
    await second.start()
    try:
        world = await build_world(first)
        app1, app2 = create_app(first.settings, runtime=first), create_app(second.settings, runtime=second)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app1), base_url="http://testserver"
        ) as http:
            token = await login_token(http, world["seller_a"].email)
            async with live_socket(app2, token) as ws:
                await _event_arrives(
                    ws, Api(http, token)
                )  # caused on the first runtime, delivered by the second
                await _drain(ws)
                assert (await Api(http, token)("mutation { logout { ok } }"))["logout"] == {"ok": True}
                assert await closed_with(ws) == 4401
    finally:
        await second.stop()
        await first.stop()
