"""Campaigns: the agency's effective values; sellers see the same campaign as a marketplace entry."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server import models
from server.models import enums
from server.schema.context import Info
from server.schema.ids import encode_id
from server.schema.types.common import Currency, Market, Node, SellerType
from server.schema.types.tenants import Agency
from server.services import campaign_rules

CampaignStatus = strawberry.enum(enums.CampaignStatus, description="Derived from the clock and the published flag.")
TargetingMode = strawberry.enum(enums.TargetingMode)
Messenger = strawberry.enum(enums.Messenger)


@strawberry.type(description="How sellers reach the campaign's agency.")
class CampaignContact:
    email: str
    phone: str | None
    messenger: Messenger | None
    messenger_handle: str | None


@strawberry.type(description="A partner campaign run by an agency in one market.")
class Campaign(Node):
    row: strawberry.Private[models.Campaign]
    name: str
    description: str
    market: Market
    currency: Currency
    seller_requirements: str
    commission_requirement_bps: int = strawberry.field(description="Minimum total rate a seller may register with.")
    contact: CampaignContact
    registration_start: datetime
    registration_end: datetime
    campaign_start: datetime
    campaign_end: datetime
    targeting_mode: TargetingMode
    target_seller_type: SellerType | None
    published: bool
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.Campaign) -> Campaign:
        return cls(
            id=encode_id("Campaign", row.id), row=row, name=row.name, description=row.description, market=row.market,
            currency=enums.MARKET_CURRENCY[row.market], seller_requirements=row.seller_requirements,
            commission_requirement_bps=row.commission_requirement_bps,
            contact=CampaignContact(
                email=row.contact_email, phone=row.contact_phone, messenger=row.messenger,
                messenger_handle=row.messenger_handle,
            ),
            registration_start=row.registration_start, registration_end=row.registration_end,
            campaign_start=row.campaign_start, campaign_end=row.campaign_end, targeting_mode=row.targeting_mode,
            target_seller_type=row.target_seller_type, published=row.published, created_at=row.created_at,
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
