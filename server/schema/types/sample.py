"""Sample requests as each party sees them: the creator (everything of its own), the campaign's agency (no
shipping address), the product's seller (the address to ship to, never the creator)."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product
from server.schema.types.common import Node
from server.schema.types.content import Content
from server.schema.types.history import TermsEvent, events
from server.schema.types.offer_context import OfferContext
from server.schema.types.tenants import Creator

SampleStatus = enums.SampleStatus
strawberry.enum(
    SampleStatus,
    description="REQUESTED → APPROVED (or REJECTED) → SHIPPED → DELIVERED → CONTENT_POSTED, or OVERDUE when no "
    "content was posted by contentDueAt.",
)
ShipmentStatus = enums.ShipmentStatus
strawberry.enum(
    ShipmentStatus,
    description="A shipment event: SHIPPED, IN_TRANSIT, FAILED_DELIVERY and RETURNED (the sample goes back to "
    "APPROVED and may be shipped again) keep or move the request's status; DELIVERED starts the content deadline.",
)


@strawberry.type(
    description="Where the sample goes: for the seller who ships it and the creator, never the agency."
)
class ShippingAddress:
    recipient_name: str
    phone: str
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str
    country: str = strawberry.field(description="ISO 3166-1 alpha-2.")


@strawberry.type(description="One event of a sample's shipment, oldest first.")
class ShipmentEvent:
    status: ShipmentStatus
    carrier: str | None
    tracking_number: str | None
    note: str | None
    occurred_at: datetime

    @classmethod
    def from_row(cls, row: models.Shipment) -> ShipmentEvent:
        return cls(
            status=row.status,
            carrier=row.carrier,
            tracking_number=row.tracking_number,
            note=row.note,
            occurred_at=row.occurred_at,
        )


@strawberry.type(description="A creator's request for a free sample of a product in its showcase.")
class SampleRequest(Node):
    row: strawberry.Private[models.SampleRequest]
    status: SampleStatus
    requested_at: datetime
    reviewed_at: datetime | None
    reject_reason: str | None = strawberry.field(description="Why the agency rejected it.")
    carrier: str | None
    tracking_number: str | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    content_due_at: datetime | None = strawberry.field(
        description="Delivery + 14 days, + 7 with the one extension."
    )
    extension_used: bool

    @classmethod
    def from_row(cls, row: models.SampleRequest) -> SampleRequest:
        return cls(
            id=encode_id("SampleRequest", row.id),
            row=row,
            status=row.status,
            requested_at=row.created_at,
            reviewed_at=row.reviewed_at,
            reject_reason=row.reject_reason,
            carrier=row.carrier,
            tracking_number=row.tracking_number,
            shipped_at=row.shipped_at,
            delivered_at=row.delivered_at,
            content_due_at=row.content_due_at,
            extension_used=row.extension_used,
        )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return None if row is None else Product.from_row(row)

    @strawberry.field(description="The shipment history, oldest first.")
    async def shipments(self, info: Info) -> list[ShipmentEvent]:
        return [
            ShipmentEvent.from_row(r)
            for r in await info.context.loaders.shipments_by_sample_request_id.load(self.row.id)
        ]

    @strawberry.field(description="The latest shipment event; null before shipping.")
    async def shipment_status(self, info: Info) -> ShipmentStatus | None:
        rows = await info.context.loaders.shipments_by_sample_request_id.load(self.row.id)
        return rows[-1].status if rows else None

    @strawberry.field
    async def campaign_name(self, info: Info) -> str:
        return (await OfferContext.load(info, self.row.registration_id)).campaign_name

    @strawberry.field(description="The agency's display name.")
    async def agency_name(self, info: Info) -> str:
        return (await OfferContext.load(info, self.row.registration_id)).agency_name

    @strawberry.field(
        description="The campaign (agencies, sellers and operators; creators get campaignName)."
    )
    async def campaign(self, info: Info) -> Campaign | None:
        context = await OfferContext.load(info, self.row.registration_id)
        row = await info.context.loaders.campaign_by_id.load(context.campaign_id)
        return None if row is None else Campaign.from_row(row)

    @strawberry.field(description="Who asked (the agency and the creator itself; never the seller).")
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.row.creator_id)
        return None if row is None else Creator.from_row(row)

    @strawberry.field(description="The seller (to ship) and the creator itself; never the agency.")
    def shipping_address(self) -> ShippingAddress | None:
        r = self.row
        return ShippingAddress(
            recipient_name=r.recipient_name,
            phone=r.phone,
            line1=r.line1,
            line2=r.line2,
            city=r.city,
            region=r.region,
            postal_code=r.postal_code,
            country=r.country,
        )

    @strawberry.field(description="The content that fulfilled the sample.")
    async def contents(self, info: Info) -> list[Content] | None:
        return [
            Content.from_row(r)
            for r in await info.context.loaders.contents_by_sample_request_id.load(self.row.id)
        ]

    @strawberry.field(description="Decisions and deadlines, oldest first (a seller: the shipping steps).")
    async def history(self, info: Info) -> list[TermsEvent] | None:
        return events(
            info, "SampleRequest", await info.context.loaders.history.sample_request.load(self.row.id)
        )


@strawberry.enum
class SampleRequestErrorCode(enum.StrEnum):
    INVALID_ID = "INVALID_ID"
    NOT_FOUND = "NOT_FOUND"
    NOT_IN_SHOWCASE = "NOT_IN_SHOWCASE"
    NOT_AVAILABLE = "NOT_AVAILABLE"
    ALREADY_REQUESTED = "ALREADY_REQUESTED"
    QUOTA_EXHAUSTED = "QUOTA_EXHAUSTED"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_FORMAT = "INVALID_FORMAT"
    INVALID_STATE = "INVALID_STATE"
    EXTENSION_USED = "EXTENSION_USED"
    CONFLICT = "CONFLICT"


@strawberry.type
class SampleRequestUserError(UserError):
    code: SampleRequestErrorCode


@strawberry.type
class SampleRequestPayload:
    sample_request: SampleRequest | None
    user_errors: list[SampleRequestUserError]
