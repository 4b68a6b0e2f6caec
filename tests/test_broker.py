"""The live-event broker: every behaviour runs against the in-process and the Redis implementation.

Redis: set MATCHUP_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/0). Without it the Redis variants are skipped,
unless MATCHUP_REQUIRE_SERVICES=1, which turns the skip into a failure. Channels get a random prefix per test,
so parallel runs on one Redis don't see each other's events.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from server.events import channels
from server.events.broker import Broker, Subscription, make_broker
from server.events.memory import InProcessBroker
from server.events.redis import RedisBroker
from tests.plugins.services import REDIS_URL, need

BACKENDS = [pytest.param("memory", id="memory"), pytest.param("redis", id="redis", marks=pytest.mark.redis)]


def redis_url() -> str:
    """The test Redis; skips without one, or fails when MATCHUP_REQUIRE_SERVICES=1."""
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    assert REDIS_URL is not None
    return REDIS_URL


@pytest.fixture(params=BACKENDS)
def kind(request: pytest.FixtureRequest) -> str:
    if request.param == "redis":
        redis_url()  # skip or fail here, before anything is built
    return request.param


MakeBroker = Callable[..., Awaitable[Broker]]


@pytest.fixture
async def make(kind: str) -> AsyncIterator[MakeBroker]:
    """Start brokers of the parametrised kind (several Redis ones behave like several processes)."""
    started: list[Broker] = []

    async def factory(queue_size: int = 256) -> Broker:
        broker: Broker = (
            InProcessBroker(queue_size) if kind == "memory" else RedisBroker(redis_url(), queue_size)
        )
        await broker.start()
        started.append(broker)
        return broker

    yield factory
    for broker in started:
        await broker.stop()


@pytest.fixture
async def broker(make: MakeBroker) -> Broker:
    return await make()


@pytest.fixture
async def redis_client(kind: str) -> AsyncIterator[Any]:
    """A plain client, "from another process", for PUBSUB NUMSUB and CLIENT KILL (None for memory)."""
    if kind != "redis":
        yield None
        return
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(redis_url())
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def prefix() -> str:
    return f"test:{uuid.uuid4().hex}"


async def next_event(events: Subscription, timeout: float = 3.0) -> dict[str, Any]:
    return await asyncio.wait_for(anext(events), timeout)


async def eventually(check: Callable[[], Any], timeout: float = 5.0, what: str = "condition") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.02)


async def numsub(client: Any, channel: str) -> int:
    [(_, count)] = await client.pubsub_numsub(channel)
    return int(count)


# --- behaviour, both implementations ---------------------------------------------------------------------


async def test_healthy_between_start_and_stop(make: MakeBroker) -> None:
    broker = await make()
    assert broker.healthy
    await broker.stop()
    assert not broker.healthy
    await broker.stop()  # idempotent


async def test_every_subscriber_of_a_channel_gets_every_event(broker: Broker, prefix: str) -> None:
    ch = f"{prefix}:1:things"
    async with contextlib.AsyncExitStack() as stack:
        subs = [await stack.enter_async_context(broker.subscribe(ch)) for _ in range(3)]
        assert broker.local_subscribers(ch) == 3
        await broker.publish(ch, {"id": 1, "status": "A"})
        await broker.publish(ch, {"id": 2, "status": "B"})
        for events in subs:
            assert await next_event(events) == {"id": 1, "status": "A"}
            assert await next_event(events) == {"id": 2, "status": "B"}
            assert events.qsize() == 0


async def test_no_delivery_to_other_channels(broker: Broker, prefix: str) -> None:
    a, b = f"{prefix}:1:a", f"{prefix}:1:b"
    async with broker.subscribe(a) as on_a, broker.subscribe(b) as on_b:
        await broker.publish(b, {"to": "b"})
        await broker.publish(a, {"to": "a"})
        # One publisher, one connection: order is kept, so had {"to": "b"} reached on_a it would come first.
        assert await next_event(on_a) == {"to": "a"}
        assert await next_event(on_b) == {"to": "b"}
        assert on_a.qsize() == on_b.qsize() == 0


async def test_subscribe_to_several_channels_at_once(broker: Broker, prefix: str) -> None:
    a, b, c = f"{prefix}:1:a", f"{prefix}:1:b", f"{prefix}:1:c"
    async with broker.subscribe(a, b, a) as events:
        assert events.channels == (a, b)
        await broker.publish(a, {"n": 1})
        await broker.publish(c, {"n": 2})
        await broker.publish(b, {"n": 3})
        assert [await next_event(events), await next_event(events)] == [{"n": 1}, {"n": 3}]
        assert events.qsize() == 0


async def test_each_subscriber_gets_its_own_copy(broker: Broker, prefix: str) -> None:
    ch = f"{prefix}:1:x"
    async with broker.subscribe(ch) as one, broker.subscribe(ch) as two:
        await broker.publish(ch, {"tags": ["a"]})
        first = await next_event(one)
        first["tags"].append("mutated")
        assert await next_event(two) == {"tags": ["a"]}


async def test_unsubscribe_on_exit(broker: Broker, prefix: str, kind: str, redis_client: Any) -> None:
    ch = f"{prefix}:1:x"
    async with broker.subscribe(ch) as first:
        async with broker.subscribe(ch):
            assert broker.local_subscribers(ch) == 2
            if kind == "redis":
                assert await numsub(redis_client, ch) == 1  # one connection per broker, not per subscriber
        assert broker.local_subscribers(ch) == 1
        if kind == "redis":
            assert await numsub(redis_client, ch) == 1  # still one local subscriber: still SUBSCRIBEd
        await broker.publish(ch, {"n": 1})
        assert await next_event(first) == {"n": 1}
    assert broker.local_subscribers(ch) == 0
    assert first.closed and [e async for e in first] == []
    if kind == "redis":
        await eventually(lambda: _numsub_is(redis_client, ch, 0), what="UNSUBSCRIBE of the last subscriber")

    # And again: a new subscription after the channel was dropped works.
    async with broker.subscribe(ch) as again:
        await broker.publish(ch, {"n": 2})
        assert await next_event(again) == {"n": 2}


async def _numsub_is(client: Any, channel: str, expected: int) -> bool:
    return await numsub(client, channel) == expected


async def test_cancelled_subscriber_unsubscribes(
    broker: Broker, prefix: str, kind: str, redis_client: Any
) -> None:
    ch = f"{prefix}:1:x"
    entered = asyncio.Event()

    async def consume() -> None:
        async with broker.subscribe(ch) as events:
            entered.set()
            async for _ in events:
                pass

    task = asyncio.create_task(consume())
    await asyncio.wait_for(entered.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert broker.local_subscribers(ch) == 0
    if kind == "redis":
        await eventually(lambda: _numsub_is(redis_client, ch, 0), what="UNSUBSCRIBE after cancellation")


async def test_churn_keeps_subscriptions_consistent(
    broker: Broker, prefix: str, kind: str, redis_client: Any
) -> None:
    """Subscribers of one channel come and go concurrently; the one that stays keeps receiving."""
    ch = f"{prefix}:1:x"

    async def come_and_go(i: int) -> None:
        for j in range(10):
            async with broker.subscribe(ch, f"{prefix}:{i}:own") as events:
                await broker.publish(f"{prefix}:{i}:own", {"i": i, "j": j})
                assert await next_event(events) == {"i": i, "j": j}

    async with broker.subscribe(ch) as staying:
        await asyncio.gather(*(come_and_go(i) for i in range(10)))
        await broker.publish(ch, {"still": "here"})
        assert await next_event(staying) == {"still": "here"}
    await asyncio.gather(*(come_and_go(i) for i in range(5)))
    assert broker.local_subscribers(ch) == 0
    if kind == "redis":
        for name in [ch, *(f"{prefix}:{i}:own" for i in range(10))]:
            await eventually(lambda name=name: _numsub_is(redis_client, name, 0), what=f"UNSUBSCRIBE {name}")


async def test_bounded_queue_drops_oldest_and_counts(make: MakeBroker, prefix: str) -> None:
    broker = await make(queue_size=3)
    ch = f"{prefix}:1:x"
    async with broker.subscribe(ch) as slow, broker.subscribe(ch) as fast:
        for n in range(5):
            await broker.publish(ch, {"n": n})  # never blocks, although nobody reads `slow`
            assert await next_event(fast) == {"n": n}
        await eventually(lambda: broker.dropped == 2, what="2 dropped events")
        assert slow.dropped == 2 and fast.dropped == 0
        assert [await next_event(slow) for _ in range(3)] == [{"n": 2}, {"n": 3}, {"n": 4}]
        assert slow.qsize() == 0


async def test_stop_ends_the_iteration(make: MakeBroker, prefix: str) -> None:
    broker = await make()
    ch = f"{prefix}:1:x"
    async with broker.subscribe(ch) as events:
        await broker.publish(ch, {"n": 1})
        assert await next_event(events) == {"n": 1}
        await broker.stop()
        assert await asyncio.wait_for(_drain(events), 3) == []
    with pytest.raises(RuntimeError):
        await broker.publish(ch, {"n": 2})


async def _drain(events: Subscription) -> list[dict[str, Any]]:
    return [event async for event in events]


async def test_publish_rejects_what_is_not_json(broker: Broker, prefix: str) -> None:
    ch = f"{prefix}:1:x"
    with pytest.raises(TypeError):
        await broker.publish(ch, {"when": object()})
    with pytest.raises(ValueError):
        await broker.publish(ch, {"ratio": float("nan")})
    with pytest.raises(TypeError):
        await broker.publish(ch, ["not", "a", "dict"])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        broker.subscribe()


async def test_not_started(kind: str, prefix: str) -> None:
    broker = make_broker(None if kind == "memory" else redis_url())
    assert not broker.healthy
    with pytest.raises(RuntimeError):
        await broker.publish(f"{prefix}:1:x", {})
    with pytest.raises(RuntimeError):
        async with broker.subscribe(f"{prefix}:1:x"):
            pass


# --- Redis only --------------------------------------------------------------------------------------------


@pytest.mark.redis
async def test_two_brokers_as_two_processes(prefix: str) -> None:
    url = redis_url()
    one, two = RedisBroker(url), RedisBroker(url)
    await one.start()
    await two.start()
    try:
        ch = f"{prefix}:1:x"
        async with one.subscribe(ch) as on_one, two.subscribe(ch) as on_two:
            await two.publish(ch, {"from": "two"})
            await one.publish(ch, {"from": "one"})
            for events in (on_one, on_two):
                assert [await next_event(events), await next_event(events)] in (
                    [{"from": "two"}, {"from": "one"}],
                    [{"from": "one"}, {"from": "two"}],  # two publisher connections: no order between them
                )
    finally:
        await one.stop()
        await two.stop()


@pytest.mark.redis
async def test_reconnects_after_the_connection_is_killed(
    prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    import redis.asyncio as aioredis

    url = redis_url()
    name = f"matchup-test-{uuid.uuid4().hex[:12]}"
    broker = RedisBroker(url, client_name=name)
    other = aioredis.Redis.from_url(url)
    await broker.start()
    try:
        ch = f"{prefix}:1:x"
        async with broker.subscribe(ch) as events:
            await broker.publish(ch, {"n": -1})
            assert await next_event(events) == {"n": -1}
            assert broker.healthy and broker.reconnects == 0

            # CLIENT KILL TYPE pubsub, narrowed to this broker's listener so parallel runs are not hit.
            [listener] = [c for c in await other.client_list(_type="pubsub") if c["name"] == f"{name}:sub"]
            killed = await other.execute_command("CLIENT", "KILL", "TYPE", "pubsub", "ID", listener["id"])
            assert int(killed) == 1

            loop = asyncio.get_running_loop()
            deadline = loop.time() + 6
            received: dict[str, Any] | None = None
            n = 0
            while received is None and loop.time() < deadline:
                await broker.publish(ch, {"n": n})  # lost until the listener has re-subscribed
                with contextlib.suppress(TimeoutError):
                    received = await next_event(events, timeout=0.3)
                n += 1
            assert received is not None, "delivery did not resume after the pub/sub connection was killed"
            assert received["n"] >= 0
            assert broker.reconnects >= 1
            assert broker.healthy
            assert await numsub(other, ch) == 1
            assert "reconnected" in caplog.text
    finally:
        await broker.stop()
        await other.aclose()


# --- factory and channel names -----------------------------------------------------------------------------


def test_make_broker_builds_without_a_loop_or_a_connection() -> None:
    assert isinstance(make_broker(None), InProcessBroker)
    broker = make_broker("redis://127.0.0.1:1/0", queue_size=8)  # nothing listens there: nothing connects
    assert isinstance(broker, RedisBroker) and broker.queue_size == 8
    with pytest.raises(ValueError):
        make_broker(None, queue_size=0)


def test_channel_names() -> None:
    assert channels.notifications(5) == "org:5:notifications"
    assert channels.commissions_of_org(5) == "org:5:commissions"
    assert channels.registrations_of_campaign(7) == "campaign:7:registrations"
    assert channels.campaign_numbers(7) == "campaign:7:numbers"
    assert channels.registrations_of_shop(9) == "shop:9:registrations"
    assert channels.showcase_of_creator(3) == "creator:3:showcase"
    with pytest.raises(TypeError):
        channels.notifications("5")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        channels.notifications(True)
