"""Product list and share link inputs."""

from __future__ import annotations

import strawberry


@strawberry.input
class ProductListCreateInput:
    campaign_id: strawberry.ID
    name: str = strawberry.field(description="1–100 characters (trimmed).")
    items: list[ProductListItemInput] = strawberry.field(
        default_factory=list, description="Up to 100 approved products of the campaign."
    )


@strawberry.input
class ProductListDeleteInput:
    id: strawberry.ID


@strawberry.input
class ProductListDuplicateInput:
    id: strawberry.ID
    name: str | None = strawberry.field(default=None, description="The copy's name; null: '<name> (copy)'.")


@strawberry.input
class ProductListItemsSetInput:
    list_id: strawberry.ID
    set_: list[ProductListItemInput] = strawberry.field(
        name="set",
        default_factory=list,
        description="Products to add, or to re-price when already in the list. A decrease reaches creators who "
        "already have the product after 30 days; an increase at once.",
    )
    remove: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Registrations to take out of the list."
    )


@strawberry.input
class ProductListUpdateInput:
    id: strawberry.ID
    name: str = strawberry.field(description="1–100 characters (trimmed).")


@strawberry.input
class ShareLinkCreateInput:
    list_id: strawberry.ID


@strawberry.input
class ShareLinkRevokeInput:
    id: strawberry.ID


@strawberry.input(description="A product of the list's campaign (its registration) at a creator rate.")
class ProductListItemInput:
    registration_id: strawberry.ID
    creator_rate_bps: int = strawberry.field(
        description="100..8000 and at most the registration's total rate."
    )
