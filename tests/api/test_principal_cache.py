"""A token verified a moment ago answers without the session lookup; an ended session is refused at once, here and
in another process through the broker; a change the broker never announced is trusted for at most the cache's
seconds; an expired session never answers from the cache."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from server import models
from server.app import create_app
from server.clock import FrozenClock
from server.runtime import Runtime
from server.services import sessions
from tests.conftest import _empty_all_tables, make_settings
from tests.plugins.api import Api, build_world, login_token
from tests.plugins.brokers import PrefixedRedisBroker
from tests.plugins.services import REDIS_URL, need

VIEWER = "{ viewer { role } }"
CACHE_SECONDS = 5


@pytest.fixture
async def rt(database_url: str, clock: FrozenClock) -> AsyncIterator[Runtime]:
    """The tests' runtime with the cache on (tests/conftest.py turns it off for every other test)."""
    runtime = Runtime.build(make_settings(database_url, principal_cache_seconds=CACHE_SECONDS), clock=clock)
    await _empty_all_tables(runtime)
    await runtime.start()
    yield runtime
    await runtime.stop()


SESSION_LOOKUP = "user_sessions.token_hash"


def lookups(queries) -> int:  # noqa: ANN001
    return sum(SESSION_LOOKUP in statement for statement in queries.statements)


async def role(api: Api) -> str | None:
    viewer = (await api.raw(VIEWER))["data"]["viewer"]
    return None if viewer is None else viewer["role"]


async def test_a_second_request_skips_the_session_lookup(app, http, world, queries) -> None:
    api = Api(http, await login_token(http, world["agency_a"].email))
    queries.reset()
    assert await role(api) == "AGENCY"
    assert lookups(queries) == 1
    queries.reset()
    assert await role(api) == "AGENCY"
    assert await role(api) == "AGENCY"
    assert lookups(queries) == 0
    assert queries.count == 0  # `viewer` reads nothing more: the request touched no connection


async def test_logout_is_refused_at_once(app, http, world) -> None:
    api = Api(http, await login_token(http, world["seller_a"].email))
    assert await role(api) == "SELLER"
    assert (await api("mutation { logout { ok } }"))["logout"] == {"ok": True}
    assert await role(api) is None


async def test_revocation_and_expiry_sweep_are_refused_at_once(rt, clock, app, http, world) -> None:
    revoked = Api(http, await login_token(http, world["creator_a"].email))
    assert await role(revoked) == "CREATOR"
    await sessions.revoke_sessions(rt, user_id=world["creator_a"].user_id)
    assert await role(revoked) is None

    expiring = Api(http, await login_token(http, world["seller_b"].email))
    assert await role(expiring) == "SELLER"
    clock.advance(
        timedelta(hours=rt.settings.session_ttl_hours, seconds=1)
    )  # no sweep: past expiry is enough
    assert await role(expiring) is None


async def test_an_unannounced_change_is_trusted_for_at_most_the_cache_seconds(
    rt, clock, app, http, world
) -> None:
    api = Api(http, await login_token(http, world["agency_b"].email))
    assert await role(api) == "AGENCY"
    async with rt.sessionmaker() as s, s.begin():  # behind the services' back: no event
        await s.execute(update(models.UserSession).values(revoked_at=clock.now()))
    assert await role(api) == "AGENCY"
    clock.advance(timedelta(seconds=rt.settings.principal_cache_seconds))
    assert await role(api) is None


async def test_without_the_cache_every_request_reads_its_session(database_url, clock) -> None:
    runtime = Runtime.build(make_settings(database_url, principal_cache_seconds=0), clock=clock)
    await _empty_all_tables(runtime)
    await runtime.start()
    try:
        world = await build_world(runtime)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(runtime.settings, runtime=runtime)),
            base_url="http://testserver",
        ) as http:
            api = Api(http, await login_token(http, world["agency_a"].email))
            assert await role(api) == "AGENCY"
            async with runtime.sessionmaker() as s, s.begin():
                await s.execute(update(models.UserSession).values(revoked_at=clock.now()))
            assert await role(api) is None
    finally:
        await runtime.stop()


async def test_logout_on_one_process_is_refused_on_another_through_redis(database_url, clock) -> None:
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"test:{uuid.uuid4().hex}:"
    first, second = (
        Runtime.build(
            make_settings(database_url, principal_cache_seconds=CACHE_SECONDS),
            clock=clock,
            broker=PrefixedRedisBroker(REDIS_URL, prefix),
        )
        for _ in range(2)
    )
    await _empty_all_tables(first)
    await first.start()
    await second.start()
    try:
        world = await build_world(first)
        transports = [httpx.ASGITransport(app=create_app(r.settings, runtime=r)) for r in (first, second)]
        async with (
            httpx.AsyncClient(transport=transports[0], base_url="http://testserver") as one,
            httpx.AsyncClient(transport=transports[1], base_url="http://testserver") as two,
        ):
            token = await login_token(one, world["agency_a"].email)
            on_second = Api(two, token)
            assert await role(on_second) == "AGENCY"  # verified and cached by the second process
            assert len(second.principals) == 1
            assert (await Api(one, token)("mutation { logout { ok } }"))["logout"] == {"ok": True}
            for _ in range(200):  # the event reaches the second process: poll, no timed wait
                if len(second.principals) == 0:
                    break
                await asyncio.sleep(0.02)
            assert len(second.principals) == 0
            assert await role(on_second) is None
    finally:
        await first.stop()
        await second.stop()
