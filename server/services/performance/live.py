"""Live numbers: thin "a campaign's numbers changed" events, at most one per interval per subscriber.

Events from the broker are coalesced: the first after a quiet interval goes out at once (leading edge), the
ones that follow within the interval are gathered and go out as one batch when it ends (trailing edge), so a
burst of order events becomes at most one refetch a second and the last change is never lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, exists, select

from server import models
from server.runtime import Runtime
from server.services.performance.numbers import Line

T = TypeVar("T")
NUMBERS_INTERVAL = 1.0  # seconds between two events of one campaign to one subscriber, at least
SAMPLE_EVENT = "SampleStatusChanged"  # the type of server/services/samples.py's events


async def coalesced(
    events: AsyncIterator[T], interval: float, monotonic: Callable[[], float] = time.monotonic
) -> AsyncIterator[list[T]]:
    """Batches of `events`, at least `interval` seconds apart; ends when `events` ends (after a last batch)."""
    last_sent = -math.inf
    batch: list[T] = []
    pending: asyncio.Future[T] | None = None
    try:
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(events))
            wait = None if not batch else max(0.0, last_sent + interval - monotonic())
            done, _ = await asyncio.wait({pending}, timeout=wait)
            if not done:  # the interval ended with events gathered
                yield batch
                batch, last_sent = [], monotonic()
                continue
            try:
                event = pending.result()
            except StopAsyncIteration:
                if batch:
                    yield batch
                return
            finally:
                pending = None
            batch.append(event)
            if monotonic() - last_sent >= interval:
                yield batch
                batch, last_sent = [], monotonic()
    finally:
        if pending is not None and not pending.done():
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await pending


async def touches_campaign(
    rt: Runtime,
    campaign_id: int,
    events: Iterable[dict[str, Any]],
    *,
    registrations: ColumnElement[bool],
    samples: ColumnElement[bool],
) -> bool:
    """Whether a batch of thin events changes the campaign's numbers for a viewer who sees `registrations` and
    `samples` (predicates on those tables): an event naming the campaign, an order line of the campaign on one of
    those registrations, or one of those sample requests of the campaign."""
    batch = list(events)
    if any(event.get("campaignId") == campaign_id for event in batch):
        return True
    line_ids = [e["orderLineId"] for e in batch if isinstance(e.get("orderLineId"), int)]
    sample_ids = [e["id"] for e in batch if e.get("type") == SAMPLE_EVENT and isinstance(e.get("id"), int)]
    if not line_ids and not sample_ids:
        return False
    in_campaign = select(models.Registration.id).where(
        models.Registration.campaign_id == campaign_id, registrations
    )
    Sample = models.SampleRequest
    stmt = select(
        exists().where(
            Line.id.in_(line_ids), Line.campaign_id == campaign_id, Line.registration_id.in_(in_campaign)
        )
        | exists().where(Sample.id.in_(sample_ids), Sample.registration_id.in_(in_campaign), samples)
    )
    async with rt.sessionmaker() as session:
        return bool((await session.execute(stmt)).scalar_one())
