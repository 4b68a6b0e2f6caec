"""Rate limits: leaky buckets of cost per principal, per address and per integration key; memory and Redis."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import pytest

from server.limits.buckets import Bucket, MemoryBuckets, RedisBuckets
from tests.limits.conftest import HEAVY, client, post, socket
from tests.plugins.api import login_token
from tests.plugins.services import REDIS_URL, need

CHEAP = "{ viewer { role } }"  # cost 1


@pytest.fixture
def redis_url() -> str:
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    assert REDIS_URL is not None
    return REDIS_URL


@pytest.fixture(params=["memory", "redis"])
async def store(request: pytest.FixtureRequest):  # noqa: ANN201
    if request.param == "memory":
        yield MemoryBuckets()
        return
    url = request.getfixturevalue("redis_url")
    buckets = RedisBuckets(url, f"test:{uuid.uuid4().hex}:")
    yield buckets
    await buckets.aclose()


async def test_a_bucket_leaks_back_at_its_restore_rate(store) -> None:
    bucket = Bucket("user:1", capacity=100, restore_rate=10)
    assert (await store.take([bucket], 60, 1000.0)).available == 40
    refused = await store.take([bucket], 50, 1000.0)
    assert not refused.allowed and refused.retry_after == 1.0 and refused.available == 40
    after = await store.take([bucket], 50, 1001.0)  # one second later: 40 + 10 restored
    assert after.allowed and after.available == 0
    full = await store.take([bucket], 1, 2000.0)  # never above the capacity
    assert full.available == 99 and (full.capacity, full.restore_rate) == (100, 10)


async def test_all_buckets_pay_or_none(store) -> None:
    user, address = Bucket("user:1", 100, 1), Bucket("addr:x", 10, 1)
    assert (await store.take([user, address], 8, 0.0)).allowed
    refused = await store.take([user, address], 5, 0.0)
    assert not refused.allowed and refused.retry_after == 3.0 and refused.capacity == 10
    assert (await store.take([user], 92, 0.0)).allowed  # the refused request took nothing from `user`


async def test_concurrent_takes_never_overspend(store) -> None:
    bucket = Bucket(f"user:{uuid.uuid4().hex}", capacity=50, restore_rate=1)
    results = await asyncio.gather(*(store.take([bucket], 1, 0.0) for _ in range(200)))
    assert sum(r.allowed for r in results) == 50


async def test_1000_requests_from_one_token_are_limited_then_restored(rt, limited_app, world, clock) -> None:
    app = limited_app(rate_limit_capacity={"seller": 500}, rate_limit_restore_per_second={"seller": 50})
    async with client(app) as http:
        token = await login_token(http, world["seller_a"].email)
        responses = []
        for _ in range(20):  # 1,000 requests, 50 at a time
            responses += await asyncio.gather(*(post(http, token, CHEAP) for _ in range(50)))
        statuses = [r.status_code for r in responses]
        assert statuses.count(200) == 500 and statuses.count(429) == 500 and statuses[:500] == [200] * 500
        limited = responses[-1]
        assert limited.headers["retry-after"] == "1" and limited.headers["content-type"] == "application/json"
        body = limited.json()
        assert body["data"] is None
        [error] = body["errors"]
        assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1, "cost": 1}
        assert body["extensions"]["cost"]["throttleStatus"] == {
            "maximumAvailable": 500,
            "currentlyAvailable": 0,
            "restoreRate": 50.0,
        }
        clock.advance(timedelta(seconds=1))  # 50 units restored
        statuses = [(await post(http, token, CHEAP)).status_code for _ in range(51)]
        assert statuses == [200] * 50 + [429]
        # Another principal has its own budget.
        other = await login_token(http, world["seller_b"].email)
        assert (await post(http, other, CHEAP)).status_code == 200


async def test_costly_queries_spend_the_budget_faster(limited_app, world) -> None:
    app = limited_app(rate_limit_capacity={"seller": 100})
    async with client(app) as http:
        token = await login_token(http, world["seller_a"].email)
        query = "{ products(first: 20) { edges { node { id } } } }"  # cost 41
        statuses = [(await post(http, token, query)).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]


async def test_queries_refused_for_their_cost_still_take_one(limited_app, world) -> None:
    app = limited_app(rate_limit_capacity={"seller": 3})
    async with client(app) as http:
        token = await login_token(http, world["seller_a"].email)
        answers = [await post(http, token, HEAVY) for _ in range(4)]
        codes = [r.json()["errors"][0]["extensions"]["code"] for r in answers]
        assert codes == ["QUERY_TOO_COSTLY"] * 3 + ["RATE_LIMITED"] and answers[-1].status_code == 429


async def test_one_address_shares_a_budget(limited_app, world) -> None:
    app = limited_app(rate_limit_capacity={"address": 50})
    async with client(app) as http:
        a = await login_token(http, world["seller_a"].email)  # a login costs 20
        b = await login_token(http, world["seller_b"].email)
        assert [(await post(http, a, CHEAP)).status_code for _ in range(10)] == [200] * 10
        refused = await post(http, b, CHEAP)  # b's own budget is full, the address's is spent
        assert (
            refused.status_code == 429 and refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        )


async def test_anonymous_clients_have_a_budget_per_address(limited_app) -> None:
    app = limited_app(rate_limit_capacity={"anonymous": 3})
    async with client(app) as http:
        assert [(await post(http, None, "{ __typename }")).status_code for _ in range(4)] == [
            200,
            200,
            200,
            429,
        ]
    elsewhere = httpx.ASGITransport(app=app, client=("203.0.113.9", 40000))
    async with httpx.AsyncClient(transport=elsewhere, base_url="http://testserver") as http:
        assert (await post(http, None, "{ __typename }")).status_code == 200


async def test_a_rate_limited_websocket_operation_gets_the_error_and_the_socket_stays_open(
    limited_app, world, clock
) -> None:
    app = limited_app(rate_limit_capacity={"creator": 2}, rate_limit_restore_per_second={"creator": 1})
    async with client(app) as http:
        token = await login_token(http, world["creator_a"].email)
    async with socket(app, token) as ws:
        for n in range(3):
            await ws.subscribe(str(n), CHEAP)
            message = await ws.next_payload()
            assert message["type"] == "next"
            if n < 2:
                assert message["payload"]["data"] == {"viewer": {"role": "CREATOR"}}
            else:
                [error] = message["payload"]["errors"]
                assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1, "cost": 1}
            assert (await ws.next_payload())["type"] == "complete"
        clock.advance(timedelta(seconds=1))
        await ws.subscribe("again", CHEAP)
        assert (await ws.next_payload())["payload"]["data"] == {"viewer": {"role": "CREATOR"}}


async def test_on_redis_1000_requests_are_limited_and_two_runtimes_share_the_budget(
    rt, limited_app, world, redis_url
) -> None:
    shared = {
        "redis_url": redis_url,
        "rate_limit_redis_prefix": f"test:{uuid.uuid4().hex}:",
        "rate_limit_capacity": {"seller": 400},
        "rate_limit_restore_per_second": {"seller": 1},
    }
    one, two = limited_app(**shared), limited_app(**shared)  # two processes' worth of runtimes, one Redis
    try:
        async with client(one) as http_one, client(two) as http_two:
            token = await login_token(http_one, world["seller_a"].email)
            responses = []
            for start in range(0, 1000, 50):
                http = http_one if start % 100 == 0 else http_two
                responses += await asyncio.gather(*(post(http, token, CHEAP) for _ in range(50)))
            statuses = [r.status_code for r in responses]
            assert statuses.count(200) == 400 and statuses.count(429) == 600
            assert responses[-1].headers["retry-after"] == "1"
            assert responses[-1].json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    finally:
        for app in (one, two):
            await app.state.rate.aclose()


async def test_each_integration_key_has_its_own_budget_of_order_events(
    limited_app, ow, clock, us, vn
) -> None:
    from tests.orders.world import Integration

    app = limited_app(rate_limit_capacity={"integration_key": 3})
    async with client(app) as http:
        mine = Integration(http, us.api_key, us.secret, clock)
        other = Integration(http, vn.api_key, vn.secret, clock)
        statuses = [(await mine.send({"id": f"e{n}"})).status_code for n in range(3)]
        assert 429 not in statuses
        refused = await mine.send({"id": "e4"})
        assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
        assert (
            refused.json()["error"]["code"] == "RATE_LIMITED" and refused.json()["error"]["retry_after"] == 1
        )
        assert (await other.send({"id": "e5"})).status_code != 429
        batch = await other.batch([{"id": f"b{n}"} for n in range(3)])  # 3 events: more than the 2 left
        assert batch.status_code == 429
        clock.advance(timedelta(seconds=3600))
        assert (await mine.send({"id": "e6"})).status_code != 429


async def test_a_rate_limited_subscription_is_refused_with_the_error(limited_app, world) -> None:
    app = limited_app(rate_limit_capacity={"creator": 1})
    async with client(app) as http:
        token = await login_token(http, world["creator_a"].email)
    async with socket(app, token) as ws:
        await ws.subscribe("1", CHEAP)
        assert (await ws.next_payload())["payload"]["data"] == {"viewer": {"role": "CREATOR"}}
        assert (await ws.next_payload())["type"] == "complete"
        await ws.subscribe("2", "subscription { notificationReceived { kind } }")
        message = await ws.next_payload()
        assert message["type"] == "next" and message["payload"]["data"] is None
        assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["RATE_LIMITED"]
        assert await ws.next_payload() == {
            "id": "2",
            "type": "complete",
        }  # the subscription ends; the socket stays
        await ws.subscribe("3", "{ __typename }")
        assert (await ws.next_payload())["type"] == "next"
