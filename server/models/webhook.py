"""Outbound webhooks: an organisation's endpoints, the outbox of messages to send them, and every attempt."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column


class WebhookEndpointStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"  # by its organisation, or by Matchup after a day of failed deliveries


class WebhookMessageStatus(enum.StrEnum):
    PENDING = "PENDING"  # waiting for its next attempt (next_attempt_at)
    DELIVERED = "DELIVERED"  # the receiver answered 2xx
    FAILED = "FAILED"  # retried for the whole retry period; its endpoint was disabled


class WebhookEndpoint(IdMixin, CreatedMixin, Base):
    __tablename__ = "webhook_endpoints"

    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(String(200), default="")
    event_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    secret: Mapped[str] = mapped_column(String(100))  # whsec_<base64>: shown once, used to sign
    status: Mapped[WebhookEndpointStatus] = mapped_column(
        enum_column(WebhookEndpointStatus, "webhook_endpoint_status")
    )
    disabled_reason: Mapped[str | None] = mapped_column(String(300))
    disabled_at: Mapped[datetime | None]


_PENDING = text("status = 'PENDING'")


class WebhookMessage(IdMixin, CreatedMixin, Base):
    """The outbox: written in the transaction of the change it announces, sent by whichever process claims it.

    A light row, since order ingestion writes thousands of them: its primary key, the delivery log's index
    (endpoint, newest first) and the delivery loop's partial index of what is still PENDING — nothing else. No
    foreign key to the endpoint (its check ran once per row): the outbox reads the endpoints it writes for
    FOR KEY SHARE, once per transaction, so an endpoint cannot be deleted under it, and deleting an endpoint
    deletes its messages (server/services/webhooks.py). No unique index on message_id: nothing looks a message
    up by it, and it is 128 random bits.
    """

    __tablename__ = "webhook_messages"
    __table_args__ = (
        Index(
            "ix_webhook_messages_pending",
            "next_attempt_at",
            "id",
            postgresql_where=_PENDING,
            sqlite_where=_PENDING,
        ),
        Index("ix_webhook_messages_endpoint_id_created_at", "endpoint_id", "created_at"),
    )

    endpoint_id: Mapped[int] = mapped_column(BigID)  # webhook_endpoints.id (see above)
    message_id: Mapped[str] = mapped_column(String(40))  # the webhook-id header: msg_<32 hex>
    event_type: Mapped[str] = mapped_column(String(60))
    event: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the thin event (ids, statuses)
    body: Mapped[str | None] = mapped_column(
        Text
    )  # the payload, rendered for the recipient at the first attempt
    status: Mapped[WebhookMessageStatus] = mapped_column(
        enum_column(WebhookMessageStatus, "webhook_message_status")
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[
        datetime | None
    ]  # a process is sending it until then (a crash lets the lease run out)
    delivered_at: Mapped[datetime | None]


class WebhookAttempt(IdMixin, Base):
    """The delivery log: one row per attempt, with what was sent and what came back."""

    __tablename__ = "webhook_attempts"

    message_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("webhook_messages.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime]
    request_headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)  # the first 2 kB
    error: Mapped[str | None] = mapped_column(String(300))
    duration_ms: Mapped[int] = mapped_column(Integer)
    manual: Mapped[bool] = mapped_column(default=False)  # a replay asked for by the organisation
