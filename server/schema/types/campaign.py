"""Campaigns: the agency's effective values; sellers see the same campaign as a marketplace entry."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.types.common import Currency, Market, Node, SellerType
from server.schema.types.history import TermsEvent, events
from server.schema.types.tenants import Agency, User
from server.services import campaign_rules

CampaignStatus = enums.CampaignStatus
strawberry.enum(CampaignStatus, description="Derived from the clock and the published flag.")
TargetingMode = enums.TargetingMode
strawberry.enum(TargetingMode)
Messenger = enums.Messenger
strawberry.enum(Messenger)


@strawberry.type(description="How sellers reach the campaign's agency.")
class CampaignContact:
    email: str
    phone: str | None
    messenger: Messenger | None
    messenger_handle: str | None


@strawberry.type(description="How many registrations are in each status.")
class RegistrationCounts:
    total: int
    pending: int
    approved: int
    pending_closed: int
    closed: int
    rejected: int
    reject_forever: int
    withdrawn: int

    @classmethod
    def from_row(cls, row: Any) -> RegistrationCounts:
        """A row of the registration_counts_by_campaign_id loader (None: no registrations)."""
        total, *by_status = (0,) * 8 if row is None else row[1:9]
        counts = {
            status.value.lower(): n for status, n in zip(enums.RegistrationStatus, by_status, strict=True)
        }
        return cls(total=total, **counts)


@strawberry.type(description="The viewing seller's part in a campaign (its own products only).")
class SellerParticipation:
    joined: bool = strawberry.field(description="The seller registered a product and did not withdraw it.")
    registered_products: int = strawberry.field(description="Own products registered (not withdrawn).")
    counts: RegistrationCounts = strawberry.field(description="Own registrations by status.")


@strawberry.type(description="The values a pending change sets; null means the field does not change.")
class CampaignPendingValues:
    name: str | None = None
    description: str | None = None
    seller_requirements: str | None = None
    commission_requirement_bps: int | None = None
    contact: CampaignContact | None = None
    registration_start: datetime | None = None
    registration_end: datetime | None = None
    campaign_start: datetime | None = None
    campaign_end: datetime | None = None
    targeting_mode: TargetingMode | None = None
    target_seller_type: SellerType | None = None
    target_shop_codes: list[str] | None = None

    @classmethod
    def from_changes(cls, changes: dict[str, Any]) -> CampaignPendingValues:
        """`changes` is the API-form JSON of a pending change: camelCase names, ISO times, enum values."""
        values: dict[str, Any] = {}
        for name, value in changes.items():
            if value is None:
                continue
            if name == "contact":
                value = CampaignContact(
                    email=value["email"],
                    phone=value["phone"],
                    messenger=None if value["messenger"] is None else enums.Messenger(value["messenger"]),
                    messenger_handle=value["messengerHandle"],
                )
            elif name in _TIMES:
                value = datetime.fromisoformat(value)
            elif name == "targetingMode":
                value = enums.TargetingMode(value)
            elif name == "targetSellerType":
                value = enums.SellerType(value)
            values[_snake(name)] = value
        return cls(**values)


_TIMES = frozenset({"registrationStart", "registrationEnd", "campaignStart", "campaignEnd"})


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@strawberry.type(
    description="An edit made after the first publish, waiting to apply (30 minutes after the request)."
)
class CampaignPendingChange:
    row: strawberry.Private[models.CampaignPendingChange]
    requested_at: datetime
    applies_at: datetime
    changed_fields: list[str] = strawberry.field(
        description="API names of the fields it changes, e.g. campaignEnd."
    )
    values: CampaignPendingValues

    @classmethod
    def from_row(cls, row: models.CampaignPendingChange) -> CampaignPendingChange:
        return cls(
            row=row,
            requested_at=row.requested_at,
            applies_at=row.applies_at,
            changed_fields=list(row.changes),
            values=CampaignPendingValues.from_changes(row.changes),
        )

    @strawberry.field(description="Who asked for the change.")
    async def requested_by(self, info: Info) -> User | None:
        if self.row.requested_by_user_id is None:
            return None
        row = await info.context.loaders.user_by_id.load(self.row.requested_by_user_id)
        return None if row is None else User.from_row(row)


@strawberry.type(description="A partner campaign run by an agency in one market.")
class Campaign(Node):
    row: strawberry.Private[models.Campaign]
    name: str
    description: str
    market: Market
    currency: Currency
    seller_requirements: str
    commission_requirement_bps: int = strawberry.field(
        description="Minimum total rate a seller may register with."
    )
    contact: CampaignContact
    registration_start: datetime
    registration_end: datetime
    campaign_start: datetime
    campaign_end: datetime
    targeting_mode: TargetingMode
    target_seller_type: SellerType | None
    published: bool
    first_published_at: datetime | None = strawberry.field(
        description="Edits apply at once until this is set."
    )
    created_at: datetime
    updated_at: datetime | None = strawberry.field(description="When the effective values last changed.")
    archived_at: datetime | None = strawberry.field(
        default=None, description="When the agency archived the closed campaign (out of its default list)."
    )

    @classmethod
    def from_row(cls, row: models.Campaign) -> Campaign:
        return cls(
            id=encode_id("Campaign", row.id),
            row=row,
            name=row.name,
            description=row.description,
            market=row.market,
            currency=enums.MARKET_CURRENCY[row.market],
            seller_requirements=row.seller_requirements,
            commission_requirement_bps=row.commission_requirement_bps,
            contact=CampaignContact(
                email=row.contact_email,
                phone=row.contact_phone,
                messenger=row.messenger,
                messenger_handle=row.messenger_handle,
            ),
            registration_start=row.registration_start,
            registration_end=row.registration_end,
            campaign_start=row.campaign_start,
            campaign_end=row.campaign_end,
            targeting_mode=row.targeting_mode,
            target_seller_type=row.target_seller_type,
            published=row.published,
            first_published_at=row.first_published_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            archived_at=row.archived_at,
        )

    @strawberry.field(description="READY, UPCOMING, ONGOING or CLOSED, now.")
    def status(self, info: Info) -> CampaignStatus:
        return campaign_rules.campaign_status(self.row, info.context.rt.clock.now())

    @strawberry.field(description="Whether sellers can register products right now.")
    def registration_open(self, info: Info) -> bool:
        return campaign_rules.registration_open(self.row, info.context.rt.clock.now())

    @strawberry.field(description="The agency running the campaign.")
    async def agency(self, info: Info) -> Agency | None:
        row = await info.context.loaders.agency_by_id.load(self.row.agency_id)
        return None if row is None else Agency.from_row(row)

    @strawberry.field(description="Shop codes a SELECTED campaign targets (empty when OPEN).")
    async def target_shop_codes(self, info: Info) -> list[str] | None:
        return [
            code for _, code in await info.context.loaders.target_shop_codes_by_campaign_id.load(self.row.id)
        ]

    @strawberry.field(description="The edit waiting to apply; null when there is none.")
    async def pending_change(self, info: Info) -> CampaignPendingChange | None:
        row = await info.context.loaders.pending_change_by_campaign_id.load(self.row.id)
        return None if row is None else CampaignPendingChange.from_row(row)

    @strawberry.field(
        description="When editing reopens while a change is pending; null when the campaign can be edited now, "
        "or never again (CLOSED)."
    )
    async def editable_at(self, info: Info) -> datetime | None:
        if (
            campaign_rules.campaign_status(self.row, info.context.rt.clock.now())
            is enums.CampaignStatus.CLOSED
        ):
            return None
        row = await info.context.loaders.pending_change_by_campaign_id.load(self.row.id)
        return None if row is None else row.applies_at

    @strawberry.field(description="All registrations of the campaign, by status.")
    async def registration_counts(self, info: Info) -> RegistrationCounts | None:
        return RegistrationCounts.from_row(
            await info.context.loaders.registration_counts_by_campaign_id.load(self.row.id)
        )

    @strawberry.field(
        description="Changes to the campaign's details, periods, targeting and pending changes, oldest first (a "
        "seller: once it registered in the campaign, and without the fields it may not see)."
    )
    async def history(self, info: Info) -> list[TermsEvent] | None:
        principal = info.context.principal
        if principal is not None and principal.role is enums.Role.SELLER:
            mine = await info.context.loaders.registration_counts_by_campaign_id.load(self.row.id)
            if mine is None or int(mine[1]) == 0:  # registered in it: the seller's own registrations count
                return []
        return events(info, "Campaign", await info.context.loaders.history.campaign.load(self.row.id))

    @strawberry.field(description="The viewing seller's own registrations in the campaign.")
    async def my_participation(self, info: Info) -> SellerParticipation | None:
        row = await info.context.loaders.registration_counts_by_campaign_id.load(self.row.id)
        registered = 0 if row is None else int(row[9])
        return SellerParticipation(
            joined=registered > 0, registered_products=registered, counts=RegistrationCounts.from_row(row)
        )
