"""Webhooks for the visibility matrix (tests/schema/test_visibility_matrix.py `connect_tenants_a`): agency A,
seller A and creator A each have an endpoint with a delivered and a pending message and their attempts; seller B
has a disabled endpoint with a failed message. WEBHOOKS_EMPTY_BY_DESIGN says which fields the domain leaves empty."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.webhook import WebhookEndpointStatus, WebhookMessageStatus
from tests.plugins.api import World

E, M = models.WebhookEndpoint, models.WebhookMessage

WEBHOOKS_EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # An active endpoint was never disabled.
    **{
        ("WebhookEndpoint", name): select(E.id).where(E.status == WebhookEndpointStatus.ACTIVE)
        for name in ("disabledReason", "disabledAt")
    },
    # Only a pending message has a next attempt; only a delivered one a delivery time.
    ("WebhookMessage", "nextAttemptAt"): select(M.id).where(M.status != WebhookMessageStatus.PENDING),
    ("WebhookMessage", "deliveredAt"): select(M.id).where(M.delivered_at.is_(None)),
}


async def seed_webhooks(s: AsyncSession, world: World, now: datetime) -> None:
    earlier = now - timedelta(hours=2)
    for key, disabled in (("agency_a", False), ("seller_a", False), ("creator_a", False), ("seller_b", True)):
        endpoint = E(
            organisation_id=world[key].organisation_id,
            url=f"https://hooks.example.com/{key}",
            description=key,
            event_types=["commission.estimated"],
            secret="whsec_" + "A" * 32,
            status=WebhookEndpointStatus.DISABLED if disabled else WebhookEndpointStatus.ACTIVE,
            disabled_reason="Deliveries failed for 24 hours" if disabled else None,
            disabled_at=now if disabled else None,
            created_at=earlier,
        )
        s.add(endpoint)
        await s.flush()
        outcomes = (
            [WebhookMessageStatus.FAILED]
            if disabled
            else [WebhookMessageStatus.DELIVERED, WebhookMessageStatus.PENDING]
        )
        for n, status in enumerate(outcomes):
            message = M(
                endpoint_id=endpoint.id,
                message_id=f"msg_{key}_{n}",
                event_type="commission.estimated",
                event={"orderLineId": 1, "status": "PAID"},
                body='{"type":"commission.estimated"}',
                status=status,
                attempts=1,
                next_attempt_at=now + timedelta(seconds=5),
                created_at=earlier,
                delivered_at=now if status is WebhookMessageStatus.DELIVERED else None,
            )
            s.add(message)
            await s.flush()
            s.add(
                models.WebhookAttempt(
                    message_id=message.id,
                    attempted_at=now,
                    request_headers={"webhook-id": message.message_id},
                    response_status=200 if status is WebhookMessageStatus.DELIVERED else 500,
                    response_body="ok",
                    error=None,
                    duration_ms=12,
                )
            )
