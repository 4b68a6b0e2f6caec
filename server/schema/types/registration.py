"""Registrations: a seller's product in a campaign with its terms, its history, and the inputs and payloads of
the registration mutations."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product, Shop, shop_of
from server.schema.types.common import UNREAD, Node, Role, Unread, or_none
from server.schema.types.history import FieldChange
from server.services import registration_rules

RegistrationStatus = enums.RegistrationStatus
strawberry.enum(
    RegistrationStatus,
    description="PENDING → APPROVED → PENDING_CLOSED (cancellation asked) → CLOSED; or REJECTED, REJECT_FOREVER, "
    "WITHDRAWN. A campaign that ended shows its open registrations as CLOSED.",
)
RejectReason = enums.RejectReason
strawberry.enum(RejectReason)


ReviewDecision = registration_rules.ReviewDecision
strawberry.enum(ReviewDecision)


@strawberry.enum
class RegistrationSortField(enum.StrEnum):
    REGISTERED_AT = "REGISTERED_AT"
    TOTAL_RATE = "TOTAL_RATE"
    PRICE = "PRICE"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# One object per related row and request, shared by the rows of a page (ScopedLoader.shared).
_CAMPAIGN, _PRODUCT = or_none(Campaign.from_row), or_none(Product.from_row)


def _is_not_none(value: Any) -> bool:
    return value is not None


class Joined:
    """What a page read together with a registration (its select_related, server/resolvers/query/registration_rows.py):
    the registration's fields answer from these before asking a loader. UNREAD where the page did not read it;
    None where the viewer may not see the related row, as the loader would answer. `campaign_closed_at`: the
    campaign's end when it had passed as the page read its rows (one instant for the whole page), else None."""

    __slots__ = ("bookmarked", "campaign_closed_at", "product", "shop")

    def __init__(
        self,
        *,
        campaign_closed_at: datetime | None | Unread = UNREAD,
        product: Product | None | Unread = UNREAD,
        shop: Shop | None | Unread = UNREAD,
        bookmarked: bool | Unread = UNREAD,
    ) -> None:
        self.campaign_closed_at = campaign_closed_at
        self.product = product
        self.shop = shop
        self.bookmarked = bookmarked


NOTHING_JOINED = Joined()


def _status(value: Any) -> enums.RegistrationStatus | None:
    return None if value is None else enums.RegistrationStatus(value)


@strawberry.type(description="Something that happened to a registration: who, when, what changed and why.")
class RegistrationEvent:
    id: strawberry.ID
    at: datetime
    action: str = strawberry.field(
        description="e.g. registration.create, registration.approve, registration.close."
    )
    actor_name: str | None = strawberry.field(
        description="The acting organisation; null when the platform acted."
    )
    actor_role: Role | None
    from_status: RegistrationStatus | None
    to_status: RegistrationStatus | None
    reason: str | None = strawberry.field(
        description="A reject reason code, or the seller's cancellation reason."
    )
    note: str | None
    changes: list[FieldChange]

    @classmethod
    def from_row(
        cls, row: tuple[models.AuditEvent, str | None, enums.OrganisationKind | None]
    ) -> RegistrationEvent:
        event, actor_name, actor_kind = row
        changes = dict(event.changes or {})
        note = changes.pop("note", [None, None])[1]
        status = changes.get("status", [None, None])
        return cls(
            id=encode_id("RegistrationEvent", event.id),
            at=event.created_at,
            action=event.action,
            actor_name=actor_name if event.actor_organisation_id is not None else None,
            actor_role=None if actor_kind is None else enums.KIND_ROLE[actor_kind],
            from_status=_status(status[0]),
            to_status=_status(status[1]),
            reason=event.reason,
            note=note,
            changes=[
                FieldChange(field=name, from_=_text(old), to=_text(new))
                for name, (old, new) in changes.items()
            ],
        )


@strawberry.type(description="A seller's product registered into a campaign, with its terms.")
class Registration(Node):
    row: strawberry.Private[models.Registration]
    total_rate_bps: int | None = strawberry.field(
        description="The seller's total commission rate; fixed once approved."
    )
    sample_quota: int | None = strawberry.field(
        description="Free samples the seller gives; only ever increases."
    )
    shop_ads_rate_bps: int | None
    contact_email: str | None
    contact_whatsapp: str | None
    reject_reason: RejectReason | None
    reject_note: str | None
    registered_at: datetime
    decided_at: datetime | None = strawberry.field(description="When the agency approved or rejected it.")
    cancellation_requested_at: datetime | None
    joined: strawberry.Private[Joined] = NOTHING_JOINED

    @classmethod
    def from_row(cls, row: models.Registration, joined: Joined = NOTHING_JOINED) -> Registration:
        return cls(
            joined=joined,
            id=encode_id("Registration", row.id),
            row=row,
            total_rate_bps=row.total_rate_bps,
            sample_quota=row.sample_quota,
            shop_ads_rate_bps=row.shop_ads_rate_bps,
            contact_email=row.contact_email,
            contact_whatsapp=row.contact_whatsapp,
            reject_reason=row.reject_reason,
            reject_note=row.reject_note,
            registered_at=row.registered_at,
            decided_at=row.decided_at,
            cancellation_requested_at=row.cancellation_requested_at,
        )

    # The fields below are plain resolvers: what the page read with the row (`joined`), else a loader
    # (ScopedLoader.answer: a page that primed its rows' relations completes them without a coroutine per row).
    def _closed_by(self, info: Info, campaign: models.Campaign | None) -> datetime | None:
        end = None if campaign is None else campaign.campaign_end
        return registration_rules.campaign_closed_at(end, info.context.rt.clock.now())

    def _shown_status(self, closed_at: datetime | None) -> enums.RegistrationStatus:
        return self.row.status if closed_at is None else RegistrationStatus.CLOSED

    @strawberry.field(description="Now: an open registration of a campaign that ended shows CLOSED.")
    def status(self, info: Info) -> RegistrationStatus:
        if not registration_rules.closes_with_campaign(self.row.status):
            return self.row.status
        closed_at = self.joined.campaign_closed_at
        if closed_at is not UNREAD:
            return self._shown_status(closed_at)
        return info.context.loaders.campaign_by_id.answer(
            self.row.campaign_id, lambda c: self._shown_status(self._closed_by(info, c))
        )

    @strawberry.field(description="When it closed (for a campaign that ended: the campaign's end).")
    def closed_at(self, info: Info) -> datetime | None:
        if self.row.closed_at is not None or not registration_rules.closes_with_campaign(self.row.status):
            return self.row.closed_at
        closed_at = self.joined.campaign_closed_at
        if closed_at is not UNREAD:
            return closed_at
        return info.context.loaders.campaign_by_id.answer(
            self.row.campaign_id, lambda c: self._closed_by(info, c)
        )

    @strawberry.field
    def campaign(self, info: Info) -> Campaign | None:
        return info.context.loaders.campaign_by_id.shared(self.row.campaign_id, _CAMPAIGN)

    @strawberry.field
    def product(self, info: Info) -> Product | None:
        joined = self.joined.product
        if joined is not UNREAD:
            return joined
        return info.context.loaders.product_by_id.shared(self.row.product_id, _PRODUCT)

    @strawberry.field
    def shop(self, info: Info) -> Shop | None:
        joined = self.joined.shop
        if joined is not UNREAD:
            return joined
        return info.context.loaders.shop_by_id.shared(self.row.shop_id, shop_of)

    @strawberry.field(description="Whether the viewing agency bookmarked it (agencies only).")
    def bookmarked(self, info: Info) -> bool | None:
        joined = self.joined.bookmarked
        if joined is not UNREAD:
            return joined
        return info.context.loaders.bookmark_by_registration_id.answer(self.row.id, _is_not_none)

    @strawberry.field(description="What happened to it, oldest first.")
    async def history(self, info: Info) -> list[RegistrationEvent] | None:
        rows = await info.context.loaders.history_by_registration_id.load(self.row.id)
        return [RegistrationEvent.from_row(row) for row in rows]


@strawberry.enum(
    description="STATUS: the status changed (or it was created). TERMS: the seller changed a pending "
    "registration's terms (the status stays PENDING)."
)
class RegistrationChangeKind(enum.StrEnum):
    STATUS = "STATUS"
    TERMS = "TERMS"


@strawberry.type(
    description="A registration's status changed (or it was created: fromStatus is null), or its "
    "pending terms changed (kind TERMS)."
)
class RegistrationStatusChange:
    registration: Registration | None = strawberry.field(
        description="As it is now, as the viewer may see it."
    )
    from_status: RegistrationStatus | None
    to_status: RegistrationStatus
    at: datetime
    kind: RegistrationChangeKind = RegistrationChangeKind.STATUS


# --- payloads --------------------------------------------------------------------------------------------


@strawberry.enum
class RegistrationErrorCode(enum.StrEnum):
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    TOO_MANY = "TOO_MANY"
    BELOW_REQUIREMENT = "BELOW_REQUIREMENT"
    NOT_PUBLISHED = "NOT_PUBLISHED"
    NOT_TARGETED = "NOT_TARGETED"
    REGISTRATION_NOT_OPEN_YET = "REGISTRATION_NOT_OPEN_YET"
    REGISTRATION_ENDED = "REGISTRATION_ENDED"
    CAMPAIGN_CLOSED = "CAMPAIGN_CLOSED"
    ALREADY_REGISTERED = "ALREADY_REGISTERED"
    REJECTED_FOREVER = "REJECTED_FOREVER"
    INVALID_STATE = "INVALID_STATE"
    QUOTA_DECREASE = "QUOTA_DECREASE"
    CONFLICT = "CONFLICT"
    INVALID_FORMAT = "INVALID_FORMAT"
    DUPLICATE_ITEM = "DUPLICATE_ITEM"
    NO_CHANGE = "NO_CHANGE"


@strawberry.type
class RegistrationUserError(UserError):
    code: RegistrationErrorCode
    opens_at: datetime | None = strawberry.field(
        default=None, description="REGISTRATION_NOT_OPEN_YET: when registration opens."
    )
    ended_at: datetime | None = strawberry.field(
        default=None, description="REGISTRATION_ENDED: when registration ended."
    )


@strawberry.type
class RegistrationPayload:
    registration: Registration | None
    user_errors: list[RegistrationUserError]


@strawberry.type(description="One item of registrationCreate: the registration it created, or why not.")
class RegistrationItemResult:
    index: int = strawberry.field(description="Position in input.items.")
    product_id: strawberry.ID
    registration: Registration | None
    user_errors: list[RegistrationUserError]


@strawberry.type
class RegistrationCreatePayload:
    registrations: list[Registration] = strawberry.field(description="The registrations created.")
    results: list[RegistrationItemResult] = strawberry.field(description="One per input item, in order.")
    user_errors: list[RegistrationUserError] = strawberry.field(
        description="Whole-call errors: nothing was created."
    )


@strawberry.type(description="One registration of registrationReview: decided, or why not.")
class RegistrationReviewResult:
    id: strawberry.ID
    registration: Registration | None
    user_errors: list[RegistrationUserError]


@strawberry.type
class RegistrationReviewPayload:
    results: list[RegistrationReviewResult] = strawberry.field(description="One per input id, in order.")
    user_errors: list[RegistrationUserError] = strawberry.field(
        description="Whole-call errors: nothing changed."
    )
