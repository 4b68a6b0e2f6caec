"""Outbound webhooks in the API: an organisation's endpoints, their messages and the delivery log (docs/webhooks.md)."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models.webhook import WebhookEndpointStatus as EndpointStatus
from server.models.webhook import WebhookMessageStatus as MessageStatus
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.pagination import Connection, keyset_page
from server.schema.types.common import Node

WebhookEndpointStatus = EndpointStatus
strawberry.enum(WebhookEndpointStatus, description="ACTIVE receives messages; DISABLED does not.")
WebhookMessageStatus = MessageStatus
strawberry.enum(
    WebhookMessageStatus,
    description="PENDING until accepted (2xx), DELIVERED, or FAILED after the retry period.",
)
ATTEMPTS_SHOWN = 10


@strawberry.type(description="One HTTP header of an attempt's request.")
class WebhookHeader:
    name: str
    value: str


@strawberry.type(description="One delivery attempt: what was sent, what came back and how long it took.")
class WebhookAttempt:
    attempted_at: datetime
    request_headers: list[WebhookHeader]
    response_status: int | None = strawberry.field(description="Null when no answer came (see error).")
    response_body: str | None = strawberry.field(description="The first 2 kB of the answer.")
    error: str | None = strawberry.field(description="Why no answer came: timeout, refused connection, …")
    duration_ms: int

    @classmethod
    def from_row(cls, row: models.WebhookAttempt) -> WebhookAttempt:
        return cls(
            attempted_at=row.attempted_at,
            request_headers=[WebhookHeader(name=k, value=v) for k, v in sorted(row.request_headers.items())],
            response_status=row.response_status,
            response_body=row.response_body,
            error=row.error,
            duration_ms=row.duration_ms,
        )


@strawberry.type(description="A message to one endpoint: one event, retried until accepted.")
class WebhookMessage(Node):
    pk: strawberry.Private[int]
    webhook_id: str = strawberry.field(
        description="The webhook-id header (`msg_…`): the same on every attempt."
    )
    event_type: str
    status: WebhookMessageStatus  # type: ignore[valid-type]
    attempt_count: int
    next_attempt_at: datetime | None = strawberry.field(description="While PENDING: when it is tried next.")
    delivered_at: datetime | None
    created_at: datetime
    payload: str | None = strawberry.field(description="The JSON body sent (null until the first attempt).")

    @classmethod
    def from_row(cls, row: models.WebhookMessage) -> WebhookMessage:
        return cls(
            id=encode_id("WebhookMessage", row.id),
            pk=row.id,
            webhook_id=row.message_id,
            event_type=row.event_type,
            status=row.status,
            attempt_count=row.attempts,
            next_attempt_at=row.next_attempt_at if row.status is MessageStatus.PENDING else None,
            delivered_at=row.delivered_at,
            created_at=row.created_at,
            payload=row.body,
        )

    @strawberry.field(description=f"The last {ATTEMPTS_SHOWN} attempts, newest first.")
    async def attempts(self, info: Info) -> list[WebhookAttempt]:
        rows = await info.context.loaders.webhook_attempts_by_message_id.load(self.pk)
        newest = sorted(rows, key=lambda row: row.id, reverse=True)[:ATTEMPTS_SHOWN]
        return [WebhookAttempt.from_row(row) for row in newest]


@strawberry.type(
    description="Where an organisation wants events sent. Its signing secret is shown once, at creation."
)
class WebhookEndpoint(Node):
    pk: strawberry.Private[int]
    url: str
    description: str
    event_types: list[str]
    status: WebhookEndpointStatus  # type: ignore[valid-type]
    disabled_reason: str | None
    disabled_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.WebhookEndpoint) -> WebhookEndpoint:
        return cls(
            id=encode_id("WebhookEndpoint", row.id),
            pk=row.id,
            url=row.url,
            description=row.description,
            event_types=list(row.event_types),
            status=row.status,
            disabled_reason=row.disabled_reason,
            disabled_at=row.disabled_at,
            created_at=row.created_at,
        )

    @strawberry.field(description="The delivery log: messages to this endpoint, newest first.")
    async def messages(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection[WebhookMessage]:
        from sqlalchemy import select

        from server.authz.decisions import row_scope

        stmt = select(models.WebhookMessage).where(
            models.WebhookMessage.endpoint_id == self.pk, row_scope("WebhookMessage", info.context.principal)
        )
        return await keyset_page(
            info.context.reads,
            stmt,
            sort=models.WebhookMessage.created_at,
            pk=models.WebhookMessage.id,
            descending=True,
            first=first,
            after=after,
            wrap=WebhookMessage.from_row,
        )


@strawberry.type(description="An event type an endpoint can ask for.")
class WebhookEventType:
    name: str
    description: str


@strawberry.enum
class WebhookErrorCode(enum.StrEnum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    NOT_FOUND = "NOT_FOUND"
    INVALID_URL = "INVALID_URL"
    PRIVATE_URL = "PRIVATE_URL"
    UNRESOLVABLE_HOST = "UNRESOLVABLE_HOST"
    INSECURE_URL = "INSECURE_URL"
    UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE"


@strawberry.type
class WebhookUserError(UserError):
    code: WebhookErrorCode


@strawberry.type(
    description="The new endpoint and its signing secret (`whsec_…`): shown this once, never again."
)
class WebhookEndpointCreatePayload:
    webhook_endpoint: WebhookEndpoint | None
    secret: str | None
    user_errors: list[WebhookUserError]


@strawberry.type
class WebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None
    user_errors: list[WebhookUserError]


@strawberry.type
class WebhookEndpointDeletePayload:
    deleted_id: strawberry.ID | None
    user_errors: list[WebhookUserError]


@strawberry.type
class WebhookMessagePayload:
    webhook_message: WebhookMessage | None
    user_errors: list[WebhookUserError]
