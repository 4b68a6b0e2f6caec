"""The outbox: before a unit of work commits, each thin event it will publish that raises a webhook event type
(server/webhooks/events.py) becomes a WebhookMessage for every active endpoint of the concerned organisation that
asked for that type — in the same transaction, so a change is never committed without its messages, nor a
message written for a change that rolled back. Campaign changes come from the campaign audit rows of the unit.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Row, insert, select, text

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


_INSERT_MANY = text(
    "INSERT INTO webhook_messages "
    "(endpoint_id, message_id, event_type, event, status, attempts, next_attempt_at, created_at) "
    "SELECT m.endpoint_id, m.message_id, m.event_type, m.event, CAST(:status AS varchar), 0, "
    "CAST(:due AS timestamptz), CAST(:created AS timestamptz) "
    "FROM json_to_recordset(CAST(:messages AS json)) "
    "AS m(endpoint_id bigint, message_id text, event_type text, event json)"
)


def new_message_ids(n: int) -> list[str]:
    """Webhook-id headers, `msg_` + 32 hex digits: 128 random bits each (no index enforces uniqueness; nothing
    looks a message up by it), drawn in one read of the system's random source."""
    digits = secrets.token_hex(16 * n)
    return [f"msg_{digits[i : i + 32]}" for i in range(0, 32 * n, 32)]


def message_row(endpoint_id: int, kind: WebhookEvent, event: dict[str, Any], now: Any) -> dict[str, Any]:
    """A new message's columns, PENDING and due now."""
    return {
        "endpoint_id": endpoint_id,
        "message_id": new_message_ids(1)[0],
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


async def _active_endpoints(uow: UnitOfWork, organisations: set[int]) -> Sequence[Row[int, int, list[str]]]:
    """(id, organisation, event types) of these organisations' active endpoints, read FOR KEY SHARE: none of them
    can be deleted before this transaction ends (a foreign key's guarantee, taken once per endpoint instead of
    once per message; deleting an endpoint deletes its messages, server/services/webhooks.py)."""
    E = models.WebhookEndpoint
    return (
        await uow.session.execute(
            select(E.id, E.organisation_id, E.event_types)
            .where(E.organisation_id.in_(organisations), E.status == WebhookEndpointStatus.ACTIVE)
            .order_by(E.id)
            .with_for_update(read=True, key_share=True)
        )
    ).all()


async def _insert(uow: UnitOfWork, messages: list[tuple[int, WebhookEvent, dict[str, Any]]]) -> None:
    """Writes (endpoint, event type, thin event) messages, PENDING and due now. On PostgreSQL one statement reads
    them all from one JSON parameter (no ORM work, no per-row round of the driver); elsewhere one executemany."""
    now = uow.rt.clock.now()
    if uow.rt.settings.is_sqlite:
        rows = [message_row(endpoint_id, kind, event, now) for endpoint_id, kind, event in messages]
        await uow.session.execute(insert(models.WebhookMessage), rows)
        return
    records = [
        {"endpoint_id": endpoint_id, "message_id": message_id, "event_type": kind.name, "event": event}
        for (endpoint_id, kind, event), message_id in zip(
            messages, new_message_ids(len(messages)), strict=True
        )
    ]
    await uow.session.execute(
        _INSERT_MANY,
        {
            "status": WebhookMessageStatus.PENDING.value,
            "due": now,
            "created": now,
            "messages": orjson.dumps(records, option=orjson.OPT_NON_STR_KEYS).decode(),
        },
    )


async def stage(uow: UnitOfWork, events: list[tuple[str, dict[str, Any]]]) -> int:
    """Writes the messages of this unit's events in its transaction (before commit); returns how many."""
    raised = _from_channels(events) + await _from_campaign_audit(uow)
    if not raised:
        return 0
    endpoints = await _active_endpoints(uow, {org for org, _, _ in raised})
    if not endpoints:
        return 0
    seen: set[tuple[int, str, Any]] = set()
    messages: list[tuple[int, WebhookEvent, dict[str, Any]]] = []
    for org, kind, event in raised:
        for endpoint_id, endpoint_org, types in endpoints:
            key = (endpoint_id, kind.name, event.get(kind.subject_key))
            if endpoint_org != org or kind.name not in types or key in seen:
                continue
            seen.add(key)
            messages.append((endpoint_id, kind, event))
    if messages:
        await _insert(uow, messages)
        for event_type, count in Counter(kind.name for _, kind, _ in messages).items():
            metrics.webhook_enqueued(event_type, count)
    return len(messages)
