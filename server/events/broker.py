"""The live-event broker: one interface, an in-process and a Redis implementation.

Events are thin JSON dicts (ids, status, time) published by services after commit. A subscriber gets its own
bounded queue; when it falls behind, the oldest event is dropped and counted, so a slow consumer never
blocks the publisher (or the Redis listener). Delivery is at most once and fire-and-forget: a consumer that
needs the full picture re-reads the rows (the web client refetches on reconnect).

Usage::

    async with broker.subscribe(channels.notifications(org_id)) as events:
        async for event in events:
            ...

The subscription is active when ``__aenter__`` returns, so an event published after that is delivered.
The iteration ends when the broker stops.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from server.observability import metrics

__all__ = ["Broker", "Subscription", "decode_event", "encode_event", "make_broker"]

log = logging.getLogger(__name__)

_CLOSED: Any = object()  # queue sentinel: the broker stopped


def encode_event(event: dict[str, Any]) -> str:
    """Serialise an event; raises TypeError/ValueError for anything that is not a JSON-able dict."""
    if not isinstance(event, dict):
        raise TypeError(f"an event must be a dict, got {type(event).__name__}")
    return json.dumps(event, separators=(",", ":"), allow_nan=False)


def decode_event(payload: str | bytes) -> dict[str, Any]:
    event = json.loads(payload)
    if not isinstance(event, dict):
        raise ValueError("an event must be a JSON object")
    return event


class Subscription(AsyncIterator[dict[str, Any]]):
    """What ``async with broker.subscribe(...) as events`` gives: an async iterator over event dicts.

    Backed by a bounded queue: on overflow the oldest event is dropped and counted in ``dropped``.
    """

    __slots__ = ("_on_drop", "_queue", "channels", "closed", "dropped")

    def __init__(self, channels: tuple[str, ...], maxsize: int, on_drop: Callable[[], None]) -> None:
        self.channels = channels
        self.dropped = 0
        self.closed = False
        self._on_drop = on_drop
        self._queue: asyncio.Queue[Any] = asyncio.Queue(maxsize)

    def qsize(self) -> int:
        return self._queue.qsize()

    def _put(self, item: Any) -> bool:
        """Enqueue without ever blocking; returns True when an older item had to be dropped."""
        dropped = False
        while True:
            try:
                self._queue.put_nowait(item)
                return dropped
            except asyncio.QueueFull:
                with contextlib.suppress(asyncio.QueueEmpty):
                    self._queue.get_nowait()
                dropped = True

    def _deliver(self, event: dict[str, Any]) -> None:
        if self.closed:
            return
        if self._put(event):
            self.dropped += 1
            self._on_drop()

    def _close(self) -> None:
        if not self.closed:
            self.closed = True
            self._put(_CLOSED)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> dict[str, Any]:
        if self.closed and self._queue.empty():
            raise StopAsyncIteration
        item = await self._queue.get()
        if item is _CLOSED:
            self._put(_CLOSED)  # keep later calls from blocking
            raise StopAsyncIteration
        return item


class Broker(abc.ABC):
    """Publish thin events to named channels; subscribe to one or more channels.

    Subclasses implement ``start``/``stop``/``publish``/``healthy`` and two hooks around the local
    bookkeeping that this class keeps (channel -> local subscriptions, fan-out, drop counting).
    """

    def __init__(self, queue_size: int = 256) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be at least 1")
        self.queue_size = queue_size
        self.dropped = 0  # events dropped from full subscriber queues, all subscribers together
        self._local: dict[str, set[Subscription]] = {}
        self._listening = 0  # subscriptions active upstream (tests poll it instead of sleeping)
        self._running = False
        self._restore_listeners: list[Callable[[], None]] = []

    # --- the interface ----------------------------------------------------------------------------------

    @abc.abstractmethod
    async def start(self) -> None:
        """Start (in the app lifespan, inside the running loop)."""

    @abc.abstractmethod
    async def stop(self) -> None:
        """Stop: end every subscription's iteration and release connections. Idempotent."""

    @abc.abstractmethod
    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        """Publish a small JSON-able dict. Best effort: a transport failure is logged and counted, never
        raised (the caller has already committed). A non-JSON-able event raises TypeError/ValueError."""

    @property
    @abc.abstractmethod
    def healthy(self) -> bool:
        """False while not started, or while the Redis listener is disconnected/reconnecting."""

    def subscribe(self, *channels: str) -> contextlib.AbstractAsyncContextManager[Subscription]:
        """``async with broker.subscribe(a, b) as events: async for event in events: ...``"""
        names = tuple(dict.fromkeys(channels))
        if not names:
            raise ValueError("subscribe() needs at least one channel")
        for name in names:
            if not isinstance(name, str) or not name:
                raise ValueError(f"invalid channel {name!r}")
        return self._subscription(names)

    def add_restore_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` is called after the broker connection was lost and restored (every channel subscribed
        again): events published in the gap are lost, so whoever shows live data should re-read it."""
        self._restore_listeners.append(listener)

    # --- shared machinery ----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def listening(self) -> int:
        """How many subscriptions of this process are active upstream: events published now reach them."""
        return self._listening

    def local_subscribers(self, channel: str) -> int:
        """How many local subscriptions listen to ``channel`` (for tests and diagnostics)."""
        return len(self._local.get(channel, ()))

    @contextlib.asynccontextmanager
    async def _subscription(self, names: tuple[str, ...]) -> AsyncIterator[Subscription]:
        self._check_running()
        sub = Subscription(names, self.queue_size, self._count_drop)
        for name in names:
            self._local.setdefault(name, set()).add(sub)
        active = False
        try:
            await self._activate(sub)
            active = True
            self._listening += 1
            yield sub
        finally:
            if active:
                self._listening -= 1
            # Synchronous bookkeeping first, so that a cancelled subscriber never leaks a channel.
            emptied = []
            for name in names:
                subs = self._local.get(name)
                if subs is not None:
                    subs.discard(sub)
                    if not subs:
                        del self._local[name]
                        emptied.append(name)
            sub._close()
            self._deactivate(sub, emptied)

    async def _activate(self, sub: Subscription) -> None:  # noqa: B027 - optional hook
        """Called once ``sub`` is registered locally; returns when it is active upstream."""

    def _deactivate(self, sub: Subscription, emptied: list[str]) -> None:  # noqa: B027 - optional hook
        """Called (synchronously) after ``sub`` left; ``emptied`` lists channels with no local subscriber left."""

    def _check_running(self) -> None:
        if not self._running:
            raise RuntimeError(f"{type(self).__name__} is not running (call start() first)")

    def _count_drop(self) -> None:
        self.dropped += 1
        metrics.broker_dropped()

    def _fan_out(self, channel: str, payload: str | bytes) -> int:
        """Deliver a serialised event to the local subscribers of ``channel``; each gets its own copy."""
        subs = self._local.get(channel)
        if not subs:
            return 0
        for sub in list(subs):
            try:
                event = decode_event(payload)
            except ValueError:
                log.warning("dropping a malformed event on channel %s: %.200r", channel, payload)
                return 0
            sub._deliver(event)
        if metrics.switch.on:
            metrics.broker_delivered(channel, len(subs), max(sub.qsize() for sub in subs))
        return len(subs)

    def _notify_restored(self) -> None:
        for listener in list(self._restore_listeners):
            try:
                listener()
            except Exception:
                log.exception("a broker restore listener failed")

    def _close_all(self) -> None:
        for subs in list(self._local.values()):
            for sub in list(subs):
                sub._close()


def make_broker(redis_url: str | None, queue_size: int = 256) -> Broker:
    """No URL: the in-process broker (embedded mode, one process). A URL: Redis pub/sub."""
    if redis_url:
        from server.events.redis import RedisBroker

        return RedisBroker(redis_url, queue_size)
    from server.events.memory import InProcessBroker

    return InProcessBroker(queue_size)
