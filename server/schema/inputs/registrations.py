"""Registration inputs (create, review, withdraw, cancellation, sample quota, bookmark) and the registrations
list's filter and sort."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server.schema.types.common import SortDirection
from server.schema.types.registration import (
    RegistrationSortField,
    RegistrationStatus,
    RejectReason,
    ReviewDecision,
)


@strawberry.input
class RegistrationFilter:
    campaign_id: strawberry.ID | None = None
    status: list[RegistrationStatus] | None = None
    bookmarked: bool | None = strawberry.field(default=None, description="Bookmarked by the viewing agency.")
    category: str | None = None
    min_price: str | None = strawberry.field(
        default=None, description="Decimal string in the product's currency."
    )
    max_price: str | None = strawberry.field(
        default=None, description="Decimal string in the product's currency."
    )
    min_rate_bps: int | None = None
    max_rate_bps: int | None = None
    shop_id: strawberry.ID | None = None
    search: str | None = strawberry.field(default=None, description="In product titles and shop names.")
    has_content: bool | None = strawberry.field(
        default=None,
        description="Only registrations with (true) or without (false) posted content (videos, LIVEs).",
    )
    registered_from: datetime | None = strawberry.field(
        default=None, description="Registered at or after this."
    )
    registered_to: datetime | None = strawberry.field(default=None, description="Registered before this.")


@strawberry.input
class RegistrationSort:
    field: RegistrationSortField = RegistrationSortField.REGISTERED_AT
    direction: SortDirection = SortDirection.DESC


@strawberry.input
class RegistrationCreateItemInput:
    product_id: strawberry.ID
    total_rate_bps: int
    sample_quota: int = 0
    shop_ads_rate_bps: int | None = None


@strawberry.input
class RegistrationCreateInput:
    campaign_id: strawberry.ID
    items: list[RegistrationCreateItemInput] = strawberry.field(description="1–100 of the seller's products.")
    contact_email: str
    contact_whatsapp: str | None = None


@strawberry.input
class RegistrationIdInput:
    id: strawberry.ID


@strawberry.input
class RegistrationSampleQuotaIncreaseInput:
    id: strawberry.ID
    sample_quota: int


@strawberry.input
class RegistrationCancellationRequestInput:
    id: strawberry.ID
    reason: str | None = strawberry.field(
        default=None, description="Why the seller wants to cancel (required)."
    )


@strawberry.input
class RegistrationReviewInput:
    ids: list[strawberry.ID] = strawberry.field(description="1–100 registrations of the agency's campaigns.")
    decision: ReviewDecision
    reason: RejectReason | None = strawberry.field(default=None, description="Required to reject.")
    note: str | None = strawberry.field(default=None, description="Up to 500 characters.")


@strawberry.input
class RegistrationCancellationDecideInput:
    id: strawberry.ID
    approve: bool
    note: str | None = None


@strawberry.input
class BookmarkSetInput:
    registration_id: strawberry.ID
    bookmarked: bool


@strawberry.input(
    description="New terms for a PENDING registration (omitted: unchanged). It keeps its place in the "
    "agency's review queue."
)
class RegistrationTermsUpdateInput:
    id: strawberry.ID
    total_rate_bps: int | None = None
    sample_quota: int | None = None
    shop_ads_rate_bps: int | None = None
    clear_shop_ads_rate: bool = strawberry.field(default=False, description="Remove the shop-ads rate.")
    contact_email: str | None = None
    contact_whatsapp: str | None = None
    clear_contact_whatsapp: bool = strawberry.field(default=False, description="Remove the WhatsApp number.")


@strawberry.input
class RegistrationCancellationsDecideInput:
    ids: list[strawberry.ID] = strawberry.field(
        description="1–100 PENDING_CLOSED registrations of the agency's campaigns."
    )
    approve: bool = strawberry.field(description="true: close them; false: decline (back to APPROVED).")
    note: str | None = strawberry.field(default=None, description="Up to 500 characters.")
