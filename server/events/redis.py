"""Redis pub/sub broker: one pub/sub connection and one listener task per broker (per process).

- Channel subscriptions are reference-counted: SUBSCRIBE when the first local subscriber of a channel
  arrives, UNSUBSCRIBE when the last one leaves. A single background "sync" task sends those commands by
  diffing the wanted channels against what is subscribed on the current connection, so the commands go out
  in order and leaving a subscription is purely synchronous (safe under cancellation).
- ``subscribe()`` returns once Redis has confirmed the SUBSCRIBE (read by the listener), so a publish after
  that is delivered (Redis pub/sub is fire-and-forget: a message sent before the SUBSCRIBE is lost).
- On connection loss the listener reconnects with exponential backoff (capped, jittered), re-subscribes
  every channel that still has local subscribers and logs it. Events published in the gap are lost.
  redis-py's own hidden retry/reconnect is switched off on the pub/sub connection so that this one loop
  owns the connection state and ``healthy`` tells the truth.
- Once a reconnection has every channel confirmed again, the restore listeners are called (the live hub tells
  each subscription to refetch what it shows).
- A separate client (its own pool) PUBLISHes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff, NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from server.events.broker import Broker, Subscription, encode_event
from server.observability import metrics

__all__ = ["RedisBroker"]

log = logging.getLogger(__name__)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}"


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisBroker(Broker):
    def __init__(
        self,
        url: str,
        queue_size: int = 256,
        *,
        subscribe_timeout: float = 5.0,
        start_timeout: float = 5.0,
        backoff_initial: float = 0.1,
        backoff_max: float = 5.0,
        poll_interval: float = 1.0,
        ping_interval: float = 15.0,
        socket_timeout: float = 5.0,
        client_name: str = "matchup-broker",
    ) -> None:
        super().__init__(queue_size)
        self.url = url
        self.subscribe_timeout = subscribe_timeout
        self.start_timeout = start_timeout
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.poll_interval = poll_interval
        self.ping_interval = ping_interval
        self.socket_timeout = socket_timeout
        self.client_name = client_name  # shown in CLIENT LIST as <name>:pub and <name>:sub
        self.reconnects = 0  # successful reconnections after a lost or failed connection
        self.publish_failures = 0

        # Created in start(), inside the running loop.
        self._pub: aioredis.Redis | None = None
        self._sub: aioredis.Redis | None = None
        self._io_lock: asyncio.Lock | None = None
        self._connected: asyncio.Event | None = None
        self._listener: asyncio.Task[None] | None = None
        self._sync_task: asyncio.Task[None] | None = None

        # State of the current pub/sub connection (reset on every (re)connect).
        self._pubsub: PubSub | None = None  # set only while connected
        self._on_server: set[str] = set()  # channels SUBSCRIBEd (and not UNSUBSCRIBEd) on this connection
        self._pending: dict[str, int] = {}  # SUBSCRIBEs sent on this connection, not yet confirmed
        self._broken = False  # a command failed: the listener must reconnect
        self._healthy = False

        self._waiters: dict[str, list[asyncio.Future[None]]] = {}  # subscribers waiting for a confirmation
        self._restore_due = False  # reconnected: tell the restore listeners once every channel is confirmed
        self._sync_wanted = False

    # --- lifecycle -------------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._running:
            return
        self._pub = aioredis.Redis.from_url(
            self.url,
            retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), 2),
            client_name=f"{self.client_name}:pub",
            socket_connect_timeout=self.socket_timeout,
            socket_timeout=self.socket_timeout,
        )
        # No retries at all on the pub/sub connection (an empty tuple of retryable errors): a failure
        # surfaces at once and the listener below reconnects and re-subscribes.
        self._sub = aioredis.Redis.from_url(
            self.url,
            retry=Retry(NoBackoff(), 0, supported_errors=()),
            socket_keepalive=True,
            client_name=f"{self.client_name}:sub",
            socket_connect_timeout=self.socket_timeout,
            socket_timeout=self.socket_timeout,
        )
        self._io_lock = asyncio.Lock()
        self._connected = asyncio.Event()
        self._running = True
        self._listener = asyncio.create_task(self._listen(), name="matchup-broker-listener")
        try:
            async with asyncio.timeout(self.start_timeout):
                await self._connected.wait()
        except TimeoutError:
            log.warning(
                "Redis broker: not connected after %.1fs; continuing, it keeps retrying", self.start_timeout
            )

    async def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._healthy = False
        tasks = [t for t in (self._listener, self._sync_task) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._listener = self._sync_task = None
        for futures in self._waiters.values():
            for fut in futures:
                if not fut.done():
                    fut.set_result(None)
        self._waiters.clear()
        self._close_all()
        for client in (self._sub, self._pub):
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()
        self._sub = self._pub = None

    @property
    def healthy(self) -> bool:
        return self._running and self._healthy

    # --- publish ---------------------------------------------------------------------------------------

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        self._check_running()
        payload = encode_event(event)
        metrics.broker_published(channel)
        assert self._pub is not None
        try:
            await self._pub.publish(channel, payload)
        except (RedisError, OSError) as exc:
            self.publish_failures += 1
            log.warning("Redis broker: publish to %s failed, event lost: %s", channel, _describe(exc))

    # --- subscribe hooks -------------------------------------------------------------------------------

    async def _activate(self, sub: Subscription) -> None:
        self._request_sync()
        loop = asyncio.get_running_loop()
        futures: list[tuple[str, asyncio.Future[None]]] = []
        for name in sub.channels:
            if name in self._on_server and name not in self._pending and self._pubsub is not None:
                continue  # already confirmed on the live connection (another local subscriber)
            fut: asyncio.Future[None] = loop.create_future()
            self._waiters.setdefault(name, []).append(fut)
            futures.append((name, fut))
        if not futures:
            return
        try:
            _, pending = await asyncio.wait([f for _, f in futures], timeout=self.subscribe_timeout)
            if pending:
                log.warning(
                    "Redis broker: SUBSCRIBE %s not confirmed after %.1fs (disconnected?); "
                    "events will flow once the listener reconnects",
                    ", ".join(sorted(sub.channels)),
                    self.subscribe_timeout,
                )
        finally:
            for name, fut in futures:
                fut.cancel()
                waiting = self._waiters.get(name)
                if waiting is not None:
                    with contextlib.suppress(ValueError):
                        waiting.remove(fut)
                    if not waiting:
                        del self._waiters[name]

    def _deactivate(self, sub: Subscription, emptied: list[str]) -> None:
        if emptied:
            self._request_sync()

    def _release_waiters(self, name: str) -> None:
        for fut in self._waiters.pop(name, ()):
            if not fut.done():
                fut.set_result(None)

    # --- SUBSCRIBE / UNSUBSCRIBE -----------------------------------------------------------------------

    def _request_sync(self) -> None:
        if not self._running:
            return
        self._sync_wanted = True
        if self._sync_task is None or self._sync_task.done():
            self._sync_task = asyncio.get_running_loop().create_task(
                self._sync_loop(), name="matchup-broker-sync"
            )

    async def _sync_loop(self) -> None:
        assert self._io_lock is not None
        while self._sync_wanted:
            self._sync_wanted = False
            async with self._io_lock:
                pubsub = self._pubsub
                if pubsub is None:
                    return  # disconnected: the listener re-subscribes everything on reconnect
                try:
                    await self._sync_locked(pubsub)
                except Exception as exc:  # any failure means: reconnect
                    log.warning("Redis broker: (UN)SUBSCRIBE failed, reconnecting: %s", _describe(exc))
                    self._broken = True
                    return

    async def _sync_locked(self, pubsub: PubSub) -> None:
        """Make the connection's subscriptions match the channels that have local subscribers.

        The bookkeeping is updated before each command is sent, so the listener can match the confirmation.
        ``_pending`` counts every SUBSCRIBE sent, so that after SUBSCRIBE, UNSUBSCRIBE, SUBSCRIBE only the
        second confirmation releases the waiters."""
        wanted = {name for name, subs in self._local.items() if subs}
        drop = sorted(self._on_server - wanted)
        add = sorted(wanted - self._on_server)
        if drop:
            self._ensure_live(pubsub)
            self._on_server.difference_update(drop)
            await pubsub.unsubscribe(*drop)
        if add:
            self._ensure_live(pubsub)
            self._on_server.update(add)
            for name in add:
                self._pending[name] = self._pending.get(name, 0) + 1
            await pubsub.subscribe(*add)

    @staticmethod
    def _ensure_live(pubsub: PubSub) -> None:
        # redis-py would otherwise silently (re)connect a closed connection to send the command.
        conn = pubsub.connection
        if conn is None or not conn.is_connected:
            raise RedisConnectionError("pub/sub connection closed")

    # --- the listener ----------------------------------------------------------------------------------

    def _backoff(self, failures: int) -> float:
        delay = min(self.backoff_max, self.backoff_initial * 2 ** max(0, failures - 1))
        return delay / 2 + random.uniform(0, delay / 2)

    async def _listen(self) -> None:
        loop = asyncio.get_running_loop()
        failures = 0
        down_since: float | None = None
        ever_connected = False
        while True:
            try:
                pubsub = await self._connect()
            except Exception as exc:  # keep trying, whatever it is
                failures += 1
                delay = self._backoff(failures)
                log.warning(
                    "Redis broker: cannot connect (attempt %d): %s; retrying in %.2fs",
                    failures,
                    _describe(exc),
                    delay,
                )
                down_since = down_since if down_since is not None else loop.time()
                await asyncio.sleep(delay)
                continue
            up_since = loop.time()
            if down_since is not None and ever_connected:
                self.reconnects += 1
                log.warning(
                    "Redis broker: reconnected after %.2fs; re-subscribed %d channel(s)",
                    up_since - down_since,
                    len(self._on_server),
                )
                self._restore_due = True
                self._maybe_restored()
            elif down_since is not None:
                log.warning("Redis broker: connected after %d failed attempt(s)", failures)
            ever_connected = True
            try:
                await self._read(pubsub)
            except Exception as exc:  # connection lost (or a bug): reconnect
                log.warning("Redis broker: pub/sub connection lost (%s); reconnecting", _describe(exc))
            finally:
                await self._disconnect(pubsub)
            down_since = loop.time()
            # A connection that lived a while resets the backoff; one that dies at once does not.
            failures = 1 if down_since - up_since >= self.backoff_max else failures + 1
            await asyncio.sleep(self._backoff(failures))

    async def _connect(self) -> PubSub:
        assert self._sub is not None and self._io_lock is not None and self._connected is not None
        pubsub = self._sub.pubsub()
        try:
            await pubsub.connect()
            async with self._io_lock:
                self._on_server.clear()
                self._pending.clear()
                self._broken = False
                self._pubsub = pubsub
                await self._sync_locked(pubsub)
        except BaseException:
            self._pubsub = None
            await self._close_pubsub(pubsub)
            raise
        self._healthy = True
        self._connected.set()
        return pubsub

    async def _disconnect(self, pubsub: PubSub) -> None:
        assert self._io_lock is not None
        self._healthy = False
        async with self._io_lock:  # never close under a (UN)SUBSCRIBE in flight
            self._pubsub = None
            self._on_server.clear()
            self._pending.clear()
            await self._close_pubsub(pubsub)

    @staticmethod
    async def _close_pubsub(pubsub: PubSub) -> None:
        # Nobody reads this connection any more: close it and wait for the transport to go, then let
        # redis-py release it (its aclose() alone does not wait).
        conn = pubsub.connection
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.disconnect()
        with contextlib.suppress(Exception):
            await pubsub.aclose()

    async def _read(self, pubsub: PubSub) -> None:
        loop = asyncio.get_running_loop()
        last_seen = loop.time()
        ping_sent: float | None = None
        while True:
            if self._broken:
                raise RedisConnectionError("a (UN)SUBSCRIBE failed on the pub/sub connection")
            self._ensure_live(pubsub)  # else get_message would silently reconnect
            message = await pubsub.get_message(timeout=self.poll_interval)
            now = loop.time()
            if message is None:
                if ping_sent is not None:
                    if now - ping_sent > self.ping_interval:
                        raise TimeoutError(f"no reply to PING within {self.ping_interval}s")
                elif now - last_seen >= self.ping_interval:
                    ping_sent = now
                    await pubsub.ping()
                continue
            last_seen, ping_sent = now, None
            self._handle(message)

    def _maybe_restored(self) -> None:
        if self._restore_due and not self._pending:
            self._restore_due = False
            self._notify_restored()

    def _handle(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "message":
            self._fan_out(_text(message["channel"]), message["data"])
        elif kind == "subscribe":
            name = _text(message["channel"])
            left = self._pending.get(name, 0) - 1
            if left > 0:
                self._pending[name] = left
            else:
                self._pending.pop(name, None)
                if name in self._on_server:
                    self._release_waiters(name)
            self._maybe_restored()
        # "unsubscribe" and "pong" need nothing (any message proves the connection alive).
