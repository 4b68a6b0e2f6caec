"""Showcase inputs (add, with which offer to keep; remove)."""

from __future__ import annotations

import strawberry

from server.schema.types.showcase import (
    OfferChoice,
)


@strawberry.input(
    description="For a product already in the showcase through another offer: which one to keep."
)
class OfferChoiceInput:
    product_id: strawberry.ID
    keep: OfferChoice


@strawberry.input
class ShowcaseAddInput:
    token: str = strawberry.field(description="The share link's token (from /c/<token>).")
    accept_terms: bool
    item_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="OfferItem ids to add; null adds every product of the offer."
    )
    choices: list[OfferChoiceInput] = strawberry.field(default_factory=list)


@strawberry.input
class ShowcaseRemoveInput:
    entry_ids: list[strawberry.ID] = strawberry.field(
        description="ACTIVE showcase entries to remove (1–100)."
    )
