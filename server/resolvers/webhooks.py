"""Webhook endpoints in the API: Query.webhookEndpoints / webhookEventTypes and the webhook mutations, as mixins
of the root types (server/schema/root.py) so that they live in one file. Thin: decode, call the service, map."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.webhooks import (
    WebhookEndpointCreateInput,
    WebhookEndpointUpdateInput,
    WebhookIdInput,
)
from server.schema.types.webhook import (
    WebhookEndpoint,
    WebhookEndpointCreatePayload,
    WebhookEndpointDeletePayload,
    WebhookEndpointPayload,
    WebhookErrorCode,
    WebhookEventType,
    WebhookMessage,
    WebhookMessagePayload,
    WebhookUserError,
)
from server.services import webhooks
from server.services.errors import DomainError, DomainErrors
from server.webhooks.events import BY_NAME


def _errors(error: DomainError | DomainErrors) -> list[WebhookUserError]:
    return user_errors(error, WebhookUserError, WebhookErrorCode)


def _pk(value: str, type_name: str) -> int:
    try:
        return decode_id(value, type_name)
    except Exception:  # noqa: BLE001 - a malformed or foreign id is "not found", never an error that confirms it
        raise DomainError("NOT_FOUND", f"{type_name} not found", ["input", "id"]) from None


async def _message_payload(
    info: Info, send: Callable[[Principal], Awaitable[models.WebhookMessage]]
) -> WebhookMessagePayload:
    """The message `send` queued for the viewer, or the refusal as userErrors."""
    principal = info.context.principal
    assert principal is not None
    try:
        row = await send(principal)
    except DomainError as error:
        return WebhookMessagePayload(webhook_message=None, user_errors=_errors(error))
    return WebhookMessagePayload(webhook_message=WebhookMessage.from_row(row), user_errors=[])


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="The organisation's webhook endpoints, oldest first (at most 10).")
    async def webhook_endpoints(self, info: Info) -> list[WebhookEndpoint]:
        async with info.context.reads.sessionmaker() as session:
            rows = (
                await session.scalars(
                    select(models.WebhookEndpoint)
                    .where(row_scope("WebhookEndpoint", info.context.principal))
                    .order_by(models.WebhookEndpoint.id)
                )
            ).all()
        return [WebhookEndpoint.from_row(row) for row in rows]

    @strawberry.field(description="The event types an endpoint can ask for.")
    def webhook_event_types(self) -> list[WebhookEventType]:
        return [
            WebhookEventType(name=name, description=BY_NAME[name].description)
            for name in webhooks.subscribable()
        ]


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Register an endpoint; its signing secret is in the payload, this once.")
    async def webhook_endpoint_create(
        self, info: Info, input: WebhookEndpointCreateInput
    ) -> WebhookEndpointCreatePayload:  # noqa: A002
        assert info.context.principal is not None
        try:
            created = await webhooks.create_endpoint(
                info.context.rt,
                info.context.principal,
                url=input.url,
                event_types=input.event_types,
                description=input.description,
            )
        except (DomainError, DomainErrors) as error:
            return WebhookEndpointCreatePayload(
                webhook_endpoint=None, secret=None, user_errors=_errors(error)
            )
        return WebhookEndpointCreatePayload(
            webhook_endpoint=WebhookEndpoint.from_row(created.endpoint), secret=created.secret, user_errors=[]
        )

    @strawberry.mutation(
        description="Change an endpoint's URL, event types or description; disable or enable it."
    )
    async def webhook_endpoint_update(
        self, info: Info, input: WebhookEndpointUpdateInput
    ) -> WebhookEndpointPayload:  # noqa: A002
        assert info.context.principal is not None
        try:
            row = await webhooks.update_endpoint(
                info.context.rt,
                info.context.principal,
                _pk(input.id, "WebhookEndpoint"),
                url=input.url,
                event_types=input.event_types,
                description=input.description,
                enabled=input.enabled,
            )
        except (DomainError, DomainErrors) as error:
            return WebhookEndpointPayload(webhook_endpoint=None, user_errors=_errors(error))
        return WebhookEndpointPayload(webhook_endpoint=WebhookEndpoint.from_row(row), user_errors=[])

    @strawberry.mutation(description="Delete an endpoint with its messages and delivery log.")
    async def webhook_endpoint_delete(
        self, info: Info, input: WebhookIdInput
    ) -> WebhookEndpointDeletePayload:  # noqa: A002
        assert info.context.principal is not None
        try:
            await webhooks.delete_endpoint(
                info.context.rt, info.context.principal, _pk(input.id, "WebhookEndpoint")
            )
        except DomainError as error:
            return WebhookEndpointDeletePayload(deleted_id=None, user_errors=_errors(error))
        return WebhookEndpointDeletePayload(deleted_id=input.id, user_errors=[])

    @strawberry.mutation(description="Send a `webhook.test` event to the endpoint now.")
    async def webhook_endpoint_test(self, info: Info, input: WebhookIdInput) -> WebhookMessagePayload:  # noqa: A002
        return await _message_payload(
            info,
            lambda principal: webhooks.send_test_event(
                info.context.rt, principal, _pk(input.id, "WebhookEndpoint")
            ),
        )

    @strawberry.mutation(description="Send a message again (same webhook-id and body), whatever its status.")
    async def webhook_message_replay(self, info: Info, input: WebhookIdInput) -> WebhookMessagePayload:  # noqa: A002
        return await _message_payload(
            info,
            lambda principal: webhooks.replay_message(
                info.context.rt, principal, _pk(input.id, "WebhookMessage")
            ),
        )
