"""In-process broker: fan-out inside one process (the embedded default, and tests)."""

from __future__ import annotations

from typing import Any

from server.events.broker import Broker, encode_event
from server.observability import metrics

__all__ = ["InProcessBroker"]


class InProcessBroker(Broker):
    """Same semantics as the Redis broker within one process: events go through JSON (so a non-JSON-able
    event fails here too, and every subscriber gets its own copy), bounded queues drop the oldest."""

    async def start(self) -> None:
        self._running = True

    async def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._close_all()

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        self._check_running()
        metrics.broker_published(channel)
        self._fan_out(channel, encode_event(event))

    @property
    def healthy(self) -> bool:
        return self._running
