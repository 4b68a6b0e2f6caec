"""The creator's showcase: the products it promotes, each through one offer at the creator's rate.

A creator never reaches campaigns, agencies, registrations or lists: where an entry comes from is given as plain
names (campaignName, agencyName) and dates.
"""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.rates import entry_rate_in_force, still_pending
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.catalogue import Product
from server.schema.types.common import Node
from server.schema.types.content import Content
from server.schema.types.history import TermsEvent, events
from server.schema.types.offer_context import OfferContext
from server.schema.types.sample import SampleRequest

ShowcaseStatus = enums.ShowcaseStatus
strawberry.enum(
    ShowcaseStatus,
    description="ACTIVE; REPLACED (the creator chose another offer for the product); REMOVED (by the creator); "
    "ENDED (the collaboration closed: no new orders through it).",
)


@strawberry.type(
    description="A product in the creator's showcase through one offer, at the creator's own rate."
)
class ShowcaseEntry(Node):
    row: strawberry.Private[models.ShowcaseEntry]
    status: ShowcaseStatus
    added_at: datetime
    ended_at: datetime | None = strawberry.field(description="When it left the showcase; null while ACTIVE.")

    @classmethod
    def from_row(cls, row: models.ShowcaseEntry) -> ShowcaseEntry:
        return cls(
            id=encode_id("ShowcaseEntry", row.id),
            row=row,
            status=row.status,
            added_at=row.added_at,
            ended_at=row.ended_at,
        )

    @strawberry.field(description="The creator's commission rate in force now (bps).")
    def creator_rate_bps(self, info: Info) -> int:
        e = self.row
        return entry_rate_in_force(e, info.context.rt.clock.now())

    @strawberry.field(
        description="A lower rate that applies at pendingRateEffectiveAt (30 days after the agency cut it)."
    )
    def pending_rate_bps(self, info: Info) -> int | None:
        return still_pending(
            self.row.pending_rate_bps, self.row.pending_rate_effective_at, info.context.rt.clock.now()
        )[0]

    @strawberry.field
    def pending_rate_effective_at(self, info: Info) -> datetime | None:
        return still_pending(
            self.row.pending_rate_bps, self.row.pending_rate_effective_at, info.context.rt.clock.now()
        )[1]

    @strawberry.field(
        description="Since when the product has been active in the showcase; null once it left."
    )
    def active_since(self) -> datetime | None:
        return self.row.added_at if self.row.status is enums.ShowcaseStatus.ACTIVE else None

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return None if row is None else Product.from_row(row)

    async def _context(self, info: Info) -> OfferContext:
        return await OfferContext.load(info, self.row.registration_id)

    @strawberry.field
    async def campaign_name(self, info: Info) -> str:
        return (await self._context(info)).campaign_name

    @strawberry.field(description="When the campaign (and the commission through this entry) ends.")
    async def campaign_end(self, info: Info) -> datetime:
        return (await self._context(info)).campaign_end

    @strawberry.field(description="The agency's display name.")
    async def agency_name(self, info: Info) -> str:
        return (await self._context(info)).agency_name

    @strawberry.field(description="Whether free samples of the product are left.")
    async def sample_available(self, info: Info) -> bool:
        return (await self._context(info)).samples_left > 0

    @strawberry.field
    async def samples_left(self, info: Info) -> int:
        return (await self._context(info)).samples_left

    @strawberry.field(description="The creator's latest sample request for the product.")
    async def sample_request(self, info: Info) -> SampleRequest | None:
        rows = await info.context.loaders.sample_requests_by_product_id.load(self.row.product_id)
        own = [r for r in rows if r.creator_id == self.row.creator_id]
        return SampleRequest.from_row(own[-1]) if own else None

    @strawberry.field(description="The creator's videos and LIVE sessions for the product, oldest first.")
    async def contents(self, info: Info) -> list[Content]:
        rows = await info.context.loaders.contents_by_product_id.load(self.row.product_id)
        return [Content.from_row(r) for r in rows if r.creator_id == self.row.creator_id]

    @strawberry.field(
        description="Changes to the creator's own rate on this entry, oldest first: the agency "
        "re-pricing the offer since it was added, and decreases applied after their lock."
    )
    async def history(self, info: Info) -> list[TermsEvent] | None:
        own = await info.context.loaders.history.showcase_entry.load(self.row.id)
        offer = (
            []
            if self.row.list_item_id is None
            else await info.context.loaders.history.list_item.load(self.row.list_item_id)
        )
        since = [r for r in offer if r[0].created_at >= self.row.added_at]
        rows = sorted([*own, *since], key=lambda r: (r[0].created_at, r[0].id))
        return events(info, "ShowcaseEntry", rows)


@strawberry.enum(
    description="Which offer to keep for a product already in the showcase through another offer."
)
class OfferChoice(enum.StrEnum):
    EXISTING = "EXISTING"
    NEW = "NEW"


@strawberry.enum
class ShowcaseErrorCode(enum.StrEnum):
    INVALID_ID = "INVALID_ID"
    LINK_NOT_VALID = "LINK_NOT_VALID"
    TERMS_NOT_ACCEPTED = "TERMS_NOT_ACCEPTED"
    REQUIRED = "REQUIRED"
    TOO_MANY = "TOO_MANY"
    NOT_FOUND = "NOT_FOUND"
    NOT_AVAILABLE = "NOT_AVAILABLE"
    DUPLICATE_ITEM = "DUPLICATE_ITEM"
    CHOICE_REQUIRED = "CHOICE_REQUIRED"
    CONFLICT = "CONFLICT"


@strawberry.type
class ShowcaseUserError(UserError):
    code: ShowcaseErrorCode
    product_pk: strawberry.Private[int | None] = None

    @strawberry.field(
        description="CHOICE_REQUIRED: the product that needs a choice (as in OfferChoiceInput)."
    )
    def product_id(self) -> strawberry.ID | None:
        return None if self.product_pk is None else encode_id("Product", self.product_pk)


@strawberry.type
class ShowcaseAddPayload:
    entries: list[ShowcaseEntry] = strawberry.field(
        description="The entries ACTIVE through this offer for the chosen products (new or already there)."
    )
    replaced: list[ShowcaseEntry] = strawberry.field(
        description="Entries of other offers the creator replaced."
    )
    user_errors: list[ShowcaseUserError]


@strawberry.type
class ShowcaseRemovePayload:
    removed_ids: list[strawberry.ID]
    user_errors: list[ShowcaseUserError]
