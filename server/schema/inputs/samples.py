"""Sample request inputs (request, review, shipment, content deadline extension) and the shipping address."""

from __future__ import annotations

import strawberry

from server.schema.types.sample import ShipmentStatus as ShipmentStatusEnum


@strawberry.input
class SampleContentExtensionInput:
    id: strawberry.ID = strawberry.field(description="A DELIVERED sample request of yours.")


@strawberry.input
class SampleRequestInput:
    showcase_entry_id: strawberry.ID = strawberry.field(
        description="The product's ACTIVE entry in your showcase."
    )
    address: ShippingAddressInput


@strawberry.input
class SampleRequestReviewInput:
    id: strawberry.ID
    approve: bool = strawberry.field(description="Approve against the product's sample quota, or reject.")
    reason: str | None = strawberry.field(
        default=None, description="Required to reject (at most 500 characters)."
    )


@strawberry.input
class SampleShipmentUpdateInput:
    id: strawberry.ID
    status: ShipmentStatusEnum
    carrier: str | None = strawberry.field(default=None, description="Required with SHIPPED.")
    tracking_number: str | None = strawberry.field(default=None, description="Required with SHIPPED.")
    note: str | None = None


@strawberry.input(description="Where the seller ships the sample. Only the seller (and you) can read it.")
class ShippingAddressInput:
    recipient_name: str
    phone: str
    line1: str
    line2: str | None = None
    city: str
    region: str | None = None
    postal_code: str
    country: str = strawberry.field(description="ISO 3166-1 alpha-2, e.g. TH.")
