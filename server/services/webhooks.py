"""Webhook endpoints as a product feature: an organisation registers URLs with the event types it wants, gets
the signing secret once, enables and disables them, replays a message and sends a test event
(docs/webhooks.md). Delivery itself is server/webhooks/delivery.py."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.db import count_of
from server.models.webhook import WebhookEndpointStatus, WebhookMessageStatus
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.unit_of_work import UnitOfWork
from server.webhooks.addresses import check_public
from server.webhooks.events import BY_NAME, SUBSCRIBABLE
from server.webhooks.outbox import new_message
from server.webhooks.signing import new_secret

URL_MAX = 500
DESCRIPTION_MAX = 200
ENDPOINTS_PER_ORGANISATION = 10


@dataclass(frozen=True, slots=True)
class CreatedEndpoint:
    endpoint: models.WebhookEndpoint
    secret: str  # in clear only here: shown once


async def check_url(url: str, *, private_allowed: bool) -> str:
    """The URL, trimmed; unless private addresses are allowed, an https URL whose host resolves to public
    addresses only (server/webhooks/addresses.py). Raises a DomainError on ["input", "url"]."""
    url = url.strip()
    field = ["input", "url"]
    if len(url) > URL_MAX:
        raise DomainError("TOO_LONG", f"Use at most {URL_MAX} characters ({len(url)} now)", field)
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number or out of range
    except ValueError:
        raise DomainError("INVALID_URL", "Give the port as a number from 1 to 65535", field) from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise DomainError(
            "INVALID_URL", "Give an absolute http(s) URL, e.g. https://example.com/hooks", field
        )
    if parts.username or parts.password:
        raise DomainError("INVALID_URL", "Put no credentials in the URL: verify the signature instead", field)
    if not private_allowed:
        if parts.scheme != "https":
            raise DomainError("INSECURE_URL", "Use an https URL", field)
        await check_public(url)  # PRIVATE_URL, UNRESOLVABLE_HOST
    return url


def check_event_types(event_types: list[str]) -> list[str]:
    unknown = [name for name in event_types if name not in BY_NAME or name == "webhook.test"]
    if unknown:
        raise DomainError(
            "UNKNOWN_EVENT_TYPE",
            f"Unknown event types {unknown}; choose from {list(subscribable())}",
            ["input", "eventTypes"],
        )
    if not event_types:
        raise DomainError("REQUIRED", "Choose at least one event type", ["input", "eventTypes"])
    return sorted(set(event_types))


def subscribable() -> tuple[str, ...]:
    return tuple(name for name in SUBSCRIBABLE if name != "webhook.test")


async def _check(
    rt: Runtime, url: str | None, event_types: list[str] | None, description: str | None
) -> dict[str, object]:
    values: dict[str, object] = {}
    errors: list[DomainError] = []
    if url is not None:
        try:
            values["url"] = await check_url(url, private_allowed=rt.settings.webhook_private_urls_allowed)
        except DomainError as error:
            errors.append(error)
    if event_types is not None:
        try:
            values["event_types"] = check_event_types(event_types)
        except DomainError as error:
            errors.append(error)
    if description is not None:
        if len(description) > DESCRIPTION_MAX:
            errors.append(
                DomainError("TOO_LONG", f"Use at most {DESCRIPTION_MAX} characters", ["input", "description"])
            )
        values["description"] = description.strip()
    if errors:
        raise DomainErrors(errors)
    return values


async def create_endpoint(
    rt: Runtime, principal: Principal, *, url: str, event_types: list[str], description: str = ""
) -> CreatedEndpoint:
    values = await _check(rt, url, event_types, description)
    secret = new_secret()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        count = await count_of(
            s, select(func.count()).where(models.WebhookEndpoint.organisation_id == principal.organisation_id)
        )
        if count >= ENDPOINTS_PER_ORGANISATION:
            raise DomainError(
                "TOO_MANY", f"At most {ENDPOINTS_PER_ORGANISATION} endpoints: delete one first", ["input"]
            )
        endpoint = models.WebhookEndpoint(
            organisation_id=principal.organisation_id,
            secret=secret,
            status=WebhookEndpointStatus.ACTIVE,
            created_at=rt.clock.now(),
            **values,
        )
        s.add(endpoint)
        await s.flush()
        audit.record(
            uow,
            principal,
            subject_type="WebhookEndpoint",
            subject_id=endpoint.id,
            action="webhook_endpoint.create",
            changes={"url": [None, url]},
        )
    return CreatedEndpoint(endpoint, secret)


async def _own(uow: UnitOfWork, principal: Principal, endpoint_id: int) -> models.WebhookEndpoint:
    endpoint = await uow.session.scalar(
        select(models.WebhookEndpoint)
        .where(models.WebhookEndpoint.id == endpoint_id, row_scope("WebhookEndpoint", principal))
        .with_for_update()
    )
    if endpoint is None:
        raise not_found("Webhook endpoint", ["input", "id"])
    return endpoint


async def update_endpoint(
    rt: Runtime,
    principal: Principal,
    endpoint_id: int,
    *,
    url: str | None = None,
    event_types: list[str] | None = None,
    description: str | None = None,
    enabled: bool | None = None,
) -> models.WebhookEndpoint:
    values = await _check(rt, url, event_types, description)
    async with UnitOfWork(rt) as uow:
        endpoint = await _own(uow, principal, endpoint_id)
        for name, value in values.items():
            setattr(endpoint, name, value)
        if enabled is True and endpoint.status is WebhookEndpointStatus.DISABLED:
            endpoint.status, endpoint.disabled_at, endpoint.disabled_reason = (
                WebhookEndpointStatus.ACTIVE,
                None,
                None,
            )
        elif enabled is False and endpoint.status is WebhookEndpointStatus.ACTIVE:
            endpoint.status, endpoint.disabled_at = WebhookEndpointStatus.DISABLED, rt.clock.now()
            endpoint.disabled_reason = "Disabled by the organisation"
        audit.record(
            uow,
            principal,
            subject_type="WebhookEndpoint",
            subject_id=endpoint.id,
            action="webhook_endpoint.update",
        )
    return endpoint


async def delete_endpoint(rt: Runtime, principal: Principal, endpoint_id: int) -> None:
    """Deletes the endpoint, then its messages (their attempts go with them). Taking the endpoint FOR UPDATE
    waits for any transaction still writing messages for it (the outbox holds it FOR KEY SHARE), so the DELETE of
    its messages sees them all; a transaction that reads the endpoints later finds it gone."""
    async with UnitOfWork(rt) as uow:
        endpoint = await _own(uow, principal, endpoint_id)
        await uow.session.delete(endpoint)
        await uow.session.flush()
        await uow.session.execute(
            delete(models.WebhookMessage).where(models.WebhookMessage.endpoint_id == endpoint_id)
        )
        audit.record(
            uow,
            principal,
            subject_type="WebhookEndpoint",
            subject_id=endpoint_id,
            action="webhook_endpoint.delete",
        )


async def send_test_event(rt: Runtime, principal: Principal, endpoint_id: int) -> models.WebhookMessage:
    """A `webhook.test` message, due at once (whatever types the endpoint asked for)."""
    async with UnitOfWork(rt) as uow:
        endpoint = await _own(uow, principal, endpoint_id)
        message = new_message(
            endpoint.id, BY_NAME["webhook.test"], {"id": principal.organisation_id}, rt.clock.now()
        )
        uow.session.add(message)
    return message


async def replay_message(rt: Runtime, principal: Principal, message_id: int) -> models.WebhookMessage:
    """Sends a message again (same webhook-id, same body) as soon as a process picks it up."""
    async with UnitOfWork(rt) as uow:
        message = await uow.session.scalar(
            select(models.WebhookMessage).where(
                models.WebhookMessage.id == message_id, row_scope("WebhookMessage", principal)
            )
        )
        if message is None:
            raise not_found("Webhook message", ["input", "id"])
        message.status, message.next_attempt_at, message.claimed_until = (
            WebhookMessageStatus.PENDING,
            rt.clock.now(),
            None,
        )
    return message
