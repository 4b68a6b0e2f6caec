"""The per-process live hub: one feed per (audience, document, variables), shared by its subscribers.

A feed runs its source (the GraphQL subscription, executed once) in its own task and offers every result to the
bounded queue of each subscriber that shares it. A subscriber whose queue is full is dropped at once (its
``on_slow`` callback closes its socket): the feed never waits for anyone, so a slow consumer cannot slow the
others. The first subscriber of a key starts the feed; the last one to leave cancels it.

``resync()`` tells every subscriber of the process that live events may have been missed (the broker connection
was restored): a ``RESYNC`` marker in each queue, in order with the results.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from typing import Any

__all__ = ["RESYNC", "LiveHub", "SlowConsumer", "Subscriber"]

log = logging.getLogger(__name__)

RESYNC: Any = type("Resync", (), {"__repr__": lambda self: "RESYNC"})()
_END: Any = object()  # the feed ended
_DROPPED: Any = object()  # the subscriber fell too far behind


class SlowConsumer(Exception):
    """Raised to a subscriber's reader after it was dropped for falling behind."""


class Subscriber:
    """One live operation of one socket: an async iterator over the shared results (and RESYNC markers)."""

    __slots__ = ("_queue", "dropped", "feed", "on_slow")

    def __init__(self, maxsize: int, on_slow: Callable[[], None]) -> None:
        self._queue: asyncio.Queue[Any] = asyncio.Queue(maxsize)
        self.on_slow = on_slow
        self.dropped = False
        self.feed: _Feed | None = None

    def _put_final(self, item: Any) -> None:
        while True:
            try:
                self._queue.put_nowait(item)
                return
            except asyncio.QueueFull:
                with contextlib.suppress(asyncio.QueueEmpty):
                    self._queue.get_nowait()

    def __aiter__(self) -> Subscriber:
        return self

    async def __anext__(self) -> Any:
        item = await self._queue.get()
        if item is _END:
            self._put_final(_END)
            raise StopAsyncIteration
        if item is _DROPPED:
            self._put_final(_DROPPED)
            raise SlowConsumer
        return item


class _Feed:
    __slots__ = ("done", "key", "subscribers", "task")

    def __init__(self, key: Hashable) -> None:
        self.key = key
        self.subscribers: set[Subscriber] = set()
        self.task: asyncio.Task[None] | None = None
        self.done = False


class LiveHub:
    def __init__(self, queue_size: int) -> None:
        if queue_size < 1:
            raise ValueError("the live queue size must be at least 1")
        self.queue_size = queue_size
        self._feeds: dict[Hashable, _Feed] = {}
        self._subscribers: set[Subscriber] = set()
        self.results = 0  # results computed by feeds (once per event per audience), for tests and diagnostics
        self.slow_dropped = 0
        self.resyncs = 0

    # --- diagnostics --------------------------------------------------------------------------------------

    @property
    def feeds(self) -> int:
        return len(self._feeds)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    # --- subscribing --------------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def join(
        self, key: Hashable, source: Callable[[], Awaitable[AsyncIterator[Any]]], on_slow: Callable[[], None]
    ) -> AsyncIterator[Subscriber]:
        """Join the feed of ``key`` (starting it with ``source()`` if there is none) for the duration of the block."""
        sub = Subscriber(self.queue_size, on_slow)
        feed = self._feeds.get(key)
        if feed is None or feed.done:
            feed = _Feed(key)
            self._feeds[key] = feed
            feed.task = asyncio.get_running_loop().create_task(
                self._run(feed, source), name="matchup-live-feed"
            )
        sub.feed = feed
        feed.subscribers.add(sub)
        self._subscribers.add(sub)
        try:
            yield sub
        finally:
            self._leave(sub)

    def _leave(self, sub: Subscriber) -> None:
        self._subscribers.discard(sub)
        feed = sub.feed
        if feed is None:
            return
        sub.feed = None
        feed.subscribers.discard(sub)
        if not feed.subscribers and not feed.done:
            feed.done = True
            if self._feeds.get(feed.key) is feed:
                del self._feeds[feed.key]
            if feed.task is not None:
                feed.task.cancel()

    async def _run(self, feed: _Feed, source: Callable[[], Awaitable[AsyncIterator[Any]]]) -> None:
        stream: AsyncIterator[Any] | None = None
        try:
            stream = await source()
            async for result in stream:
                self.results += 1
                for sub in list(feed.subscribers):
                    self._offer(sub, result)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("live feed failed; its subscribers are completed")
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()
            feed.done = True
            if self._feeds.get(feed.key) is feed:
                del self._feeds[feed.key]
            for sub in list(feed.subscribers):
                sub._put_final(_END)

    def _offer(self, sub: Subscriber, item: Any) -> None:
        if sub.dropped:
            return
        try:
            sub._queue.put_nowait(item)
        except asyncio.QueueFull:
            self._drop(sub)

    def _drop(self, sub: Subscriber) -> None:
        self.slow_dropped += 1
        self.drop(sub)
        try:
            sub.on_slow()
        except Exception:
            log.exception("closing a slow live subscriber failed")

    def drop(self, sub: Subscriber) -> None:
        """Stop feeding ``sub`` at once: its reader ends with SlowConsumer (the socket is being closed)."""
        if sub.dropped:
            return
        sub.dropped = True
        self._leave(sub)
        sub._put_final(_DROPPED)

    # --- broker restored ----------------------------------------------------------------------------------

    def resync(self) -> None:
        """Every live subscriber of this process gets a RESYNC marker (in order with its results)."""
        self.resyncs += 1
        for sub in list(self._subscribers):
            self._offer(sub, RESYNC)
