"""What clients send to manage webhook endpoints (docs/webhooks.md)."""

from __future__ import annotations

import strawberry


@strawberry.input
class WebhookEndpointCreateInput:
    url: str = strawberry.field(
        description="Where to POST events: an absolute https URL (http and private "
        "addresses only outside production)."
    )
    event_types: list[str] = strawberry.field(description="Names from webhookEventTypes, at least one.")
    description: str = strawberry.field(
        default="", description="A note for the team, at most 200 characters."
    )


@strawberry.input
class WebhookEndpointUpdateInput:
    id: strawberry.ID
    url: str | None = None
    event_types: list[str] | None = None
    description: str | None = None
    enabled: bool | None = strawberry.field(
        default=None,
        description="false disables; true enables again (also after Matchup disabled it for failing).",
    )


@strawberry.input
class WebhookIdInput:
    id: strawberry.ID
