"""Delivery: a loop in every server process claims due messages from the outbox, sends each signed, logs the
attempt and settles the message: DELIVERED on 2xx, else retried with exponential backoff (5 s, 10 s, 20 s, …, at
most an hour apart) until it is older than the retry period (24 h), when it is FAILED and its endpoint disabled
with a notification to the organisation.

Several processes deliver at once safely: a claim is a lease (`claimed_until`) taken by one conditional UPDATE
over the rows picked with FOR UPDATE SKIP LOCKED on PostgreSQL (on SQLite the write transaction holds the
database lock). A process that dies mid-delivery leaves a lease that runs out; any process then sends the
message again (receivers deduplicate by the webhook-id header: delivery is at least once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import or_, select, update

from server import models
from server.models.webhook import WebhookEndpointStatus as EndpointStatus
from server.models.webhook import WebhookMessageStatus as Status
from server.observability import metrics
from server.runtime import Runtime
from server.services import notifications
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork
from server.webhooks import addresses
from server.webhooks.render import principal_of, render
from server.webhooks.signing import signed_headers

log = logging.getLogger("matchup.webhooks")
M = models.WebhookMessage
MAX_BACKOFF_SECONDS = 3600
RESPONSE_KEPT = 2048


def backoff(attempts: int) -> timedelta:
    """After the n-th failed attempt: 5 s · 2^(n-1), at most an hour."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def lease(rt: Runtime) -> timedelta:
    return timedelta(seconds=rt.settings.webhook_timeout_seconds + 5)


async def claim(rt: Runtime, limit: int = 20) -> list[int]:
    now = rt.clock.now()
    due = (
        select(M.id)
        .join(models.WebhookEndpoint, models.WebhookEndpoint.id == M.endpoint_id)
        .where(
            M.status == Status.PENDING,
            M.next_attempt_at <= now,
            or_(M.claimed_until.is_(None), M.claimed_until < now),
            models.WebhookEndpoint.status == EndpointStatus.ACTIVE,
        )
        .order_by(M.next_attempt_at, M.id)
        .limit(limit)
    )
    if not rt.settings.is_sqlite:
        due = due.with_for_update(of=M, skip_locked=True)
    async with UnitOfWork(rt) as uow:
        result = await uow.session.execute(
            update(M).where(M.id.in_(due)).values(claimed_until=now + lease(rt)).returning(M.id)
        )
        return sorted(result.scalars().all())


async def _prepare(
    rt: Runtime, schema: Any, message_id: int
) -> tuple[models.WebhookMessage, models.WebhookEndpoint]:
    async with rt.sessionmaker() as session:
        message = await session.get(M, message_id)
        assert message is not None
        endpoint = await session.get(models.WebhookEndpoint, message.endpoint_id)
        organisation = await session.get(models.Organisation, endpoint.organisation_id)  # type: ignore[union-attr]
    assert endpoint is not None and organisation is not None
    if message.body is None:  # rendered once, at the first attempt: retries and replays send the same bytes
        body = await render(
            rt,
            schema,
            principal_of(organisation.id, organisation.kind),
            message.event_type,
            message.event,
            message.created_at,
        )
        async with UnitOfWork(rt) as uow:
            await uow.session.execute(update(M).where(M.id == message_id, M.body.is_(None)).values(body=body))
        message.body = body
    return message, endpoint


async def _post(
    rt: Runtime, client: httpx.AsyncClient, url: str, body: str, headers: dict[str, str]
) -> tuple[int | None, str | None, str | None]:
    """(response status, its first 2 kB, error): the host resolved and checked again now (DNS rebinding), then
    its addresses tried in turn until one connects (server/webhooks/addresses.py)."""
    try:
        targets = await addresses.targets(url, private_allowed=rt.settings.webhook_private_urls_allowed)
    except DomainError as refused:
        return None, None, f"Not sent: {refused.message}"[:300]
    error = None
    for target in targets:
        try:
            response = await client.post(
                target.url,
                content=body.encode(),
                headers={**headers, **target.headers},
                extensions=target.extensions,
                timeout=rt.settings.webhook_timeout_seconds,
            )
        except httpx.ConnectError as exc:  # this address is not listening: the next one, if any
            error = f"{type(exc).__name__}: {exc}"[:300]
        except httpx.HTTPError as exc:
            return None, None, f"{type(exc).__name__}: {exc}"[:300]
        else:
            return response.status_code, response.text[:RESPONSE_KEPT], None
    return None, None, error


async def send(
    rt: Runtime, schema: Any, client: httpx.AsyncClient, message_id: int, *, manual: bool = False
) -> bool:
    """One attempt at a claimed message; True when the receiver accepted it."""
    message, endpoint = await _prepare(rt, schema, message_id)
    assert message.body is not None
    headers = signed_headers(endpoint.secret, message.message_id, datetime.now(UTC), message.body)
    started = time.perf_counter()
    status, text, error = await _post(rt, client, endpoint.url, message.body, headers)
    duration_ms = int((time.perf_counter() - started) * 1000)
    accepted = status is not None and 200 <= status < 300
    metrics.webhook_delivery("accepted" if accepted else "failed")
    await _settle(
        rt,
        message,
        endpoint,
        accepted,
        models.WebhookAttempt(
            message_id=message.id,
            attempted_at=rt.clock.now(),
            request_headers=headers,
            response_status=status,
            response_body=text,
            error=error,
            duration_ms=duration_ms,
            manual=manual,
        ),
    )
    return accepted


async def _settle(
    rt: Runtime,
    message: models.WebhookMessage,
    endpoint: models.WebhookEndpoint,
    accepted: bool,
    attempt: models.WebhookAttempt,
) -> None:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        uow.session.add(attempt)
        attempts = M.attempts + 1
        if accepted:
            values: dict[str, Any] = {"status": Status.DELIVERED, "delivered_at": now, "claimed_until": None}
        elif now - message.created_at >= timedelta(hours=rt.settings.webhook_retry_hours):
            values = {"status": Status.FAILED, "claimed_until": None}
            await _disable(uow, endpoint, now)
        else:
            values = {"next_attempt_at": now + backoff(message.attempts + 1), "claimed_until": None}
        await uow.session.execute(update(M).where(M.id == message.id).values(attempts=attempts, **values))


async def _disable(uow: UnitOfWork, endpoint: models.WebhookEndpoint, now: datetime) -> None:
    hours = uow.rt.settings.webhook_retry_hours
    reason = f"Deliveries failed for {hours:g} hours"
    changed = await uow.session.execute(
        update(models.WebhookEndpoint)
        .where(
            models.WebhookEndpoint.id == endpoint.id, models.WebhookEndpoint.status == EndpointStatus.ACTIVE
        )
        .values(status=EndpointStatus.DISABLED, disabled_at=now, disabled_reason=reason)
    )
    if changed.rowcount:  # type: ignore[attr-defined]
        log.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)
        await notifications.notify(
            uow,
            recipient_organisation_id=endpoint.organisation_id,
            kind="WEBHOOK_ENDPOINT_DISABLED",
            title="A webhook endpoint was disabled",
            body=f"{endpoint.url}: {reason}. Fix the receiver, then enable the endpoint again.",
            subject_type="WebhookEndpoint",
            subject_id=endpoint.id,
            params={"url": endpoint.url, "reason": reason},
        )


async def deliver_due(rt: Runtime, schema: Any, client: httpx.AsyncClient, limit: int = 20) -> int:
    """Claims and sends what is due now; returns how many attempts were made."""
    ids = await claim(rt, limit)
    for message_id in ids:
        try:
            await send(rt, schema, client, message_id)
        except Exception:
            log.exception("webhook message %s: attempt failed", message_id)
    return len(ids)


class WebhookDelivery:
    """The loop of one process: every settings.webhook_poll_seconds (0: never), deliver what is due."""

    def __init__(self, rt: Runtime, schema: Any, interval: float | None = None) -> None:
        self.rt = rt
        self.schema = schema
        self.interval = rt.settings.webhook_poll_seconds if interval is None else interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.interval > 0 and self._task is None:
            self._task = asyncio.create_task(self._run(), name="matchup-webhooks")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            while True:
                try:
                    while await deliver_due(self.rt, self.schema, client):
                        pass
                except Exception:
                    log.exception("webhook delivery tick failed")
                await asyncio.sleep(self.interval)
