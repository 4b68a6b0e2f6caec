"""The outbox: before a unit of work commits, each thin event it will publish that raises a webhook event type
(server/webhooks/events.py) becomes a WebhookMessage for every active endpoint of the concerned organisation that
asked for that type — in the same transaction, so a change is never committed without its messages, nor a
message written for a change that rolled back. Campaign changes come from the campaign audit rows of the unit.
"""

from __future__ import annotations

import uuid
from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from server import models
from server.models.webhook import WebhookEndpointStatus, WebhookMessageStatus
from server.observability import metrics
from server.webhooks.events import BY_CHANNEL, CHANNEL_EVENTS, WebhookEvent

if TYPE_CHECKING:
    from server.services.unit_of_work import UnitOfWork

Raised = tuple[int, WebhookEvent, dict[str, Any]]  # (organisation id, event type, thin event)


def _from_channels(events: list[tuple[str, dict[str, Any]]]) -> list[Raised]:
    raised: list[Raised] = []
    for channel, event in events:
        entity, _, rest = channel.partition(":")
        pk, _, name = rest.partition(":")
        if name not in CHANNEL_EVENTS:
            continue
        for kind in BY_CHANNEL.get((entity, name), ()):
            if kind.when(event):
                raised.append((int(pk), kind, event))
    return raised


async def _from_campaign_audit(uow: UnitOfWork) -> list[Raised]:
    rows = [
        obj
        for obj in uow.session.new
        if isinstance(obj, models.AuditEvent) and obj.subject_type == "Campaign"
    ]
    if not rows:
        return []
    kinds = BY_CHANNEL.get(("agency", "campaign-changes"), ())
    raised: list[Raised] = []
    for row in rows:
        agency_id = row.actor_organisation_id
        if agency_id is None:  # the platform (the sweeper applying a pending change): the campaign's agency
            agency_id = (
                await uow.session.execute(
                    select(models.Campaign.agency_id).where(models.Campaign.id == row.subject_id)
                )
            ).scalar_one()
        for kind in kinds:
            raised.append((agency_id, kind, {"id": row.subject_id, "action": row.action}))
    return raised


def message_row(endpoint_id: int, kind: WebhookEvent, event: dict[str, Any], now: Any) -> dict[str, Any]:
    """A new message's columns, PENDING and due now."""
    return {
        "endpoint_id": endpoint_id,
        "message_id": f"msg_{uuid.uuid4().hex}",
        "event_type": kind.name,
        "event": event,
        "status": WebhookMessageStatus.PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def new_message(
    endpoint_id: int, kind: WebhookEvent, event: dict[str, Any], now: Any
) -> models.WebhookMessage:
    return models.WebhookMessage(**message_row(endpoint_id, kind, event, now))


async def stage(uow: UnitOfWork, events: list[tuple[str, dict[str, Any]]]) -> int:
    """Adds the messages of this unit's events to its session (before commit); returns how many."""
    raised = _from_channels(events) + await _from_campaign_audit(uow)
    if not raised:
        return 0
    organisations = {org for org, _, _ in raised}
    endpoints = (
        await uow.session.execute(
            select(
                models.WebhookEndpoint.id,
                models.WebhookEndpoint.organisation_id,
                models.WebhookEndpoint.event_types,
            ).where(
                models.WebhookEndpoint.organisation_id.in_(organisations),
                models.WebhookEndpoint.status == WebhookEndpointStatus.ACTIVE,
            )
        )
    ).all()
    if not endpoints:
        return 0
    now = uow.rt.clock.now()
    seen: set[tuple[int, str, Any]] = set()
    rows: list[dict[str, Any]] = []
    for org, kind, event in raised:
        for endpoint_id, endpoint_org, types in endpoints:
            key = (endpoint_id, kind.name, event.get(kind.subject_key))
            if endpoint_org != org or kind.name not in types or key in seen:
                continue
            seen.add(key)
            rows.append(message_row(endpoint_id, kind, event, now))
    if rows:
        # One multi-row INSERT for the unit's messages: no ORM object per message on the ingestion path.
        await uow.session.execute(insert(models.WebhookMessage), rows)
        for event_type, count in Counter(row["event_type"] for row in rows).items():
            metrics.webhook_enqueued(event_type, count)
    return len(rows)
