"""Campaign inputs (campaignCreate, campaignUpdate, campaignPublish, campaignPendingChangeCancel) and the campaigns
list's filter and sort."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server.schema.types.campaign import (
    CampaignStatus,
    Messenger,
    TargetingMode,
)
from server.schema.types.campaign_payloads import CampaignSortField
from server.schema.types.common import Market, SellerType, SortDirection


@strawberry.input(
    description="How sellers reach the agency. The market decides the messenger (TH LINE, PH Viber, "
    "VN Zalo, MY/ID/GB WhatsApp, US WhatsApp or none)."
)
class CampaignContactInput:
    email: str
    phone: str | None = None
    messenger: Messenger | None = None
    messenger_handle: str | None = None


@strawberry.input(
    description="OPEN: every seller of the market. SELECTED: the shops with these codes (1-100)."
)
class CampaignTargetingInput:
    mode: TargetingMode
    shop_codes: list[str] | None = None
    seller_type: SellerType | None = strawberry.field(default=None, description="Only sellers of this type.")


@strawberry.input
class CampaignCreateInput:
    name: str = strawberry.field(description="1-49 characters.")
    description: str = strawberry.field(default="", description="At most 999 characters.")
    market: Market
    seller_requirements: str = ""
    commission_requirement_bps: int = strawberry.field(
        description="Minimum total rate sellers register with, 100-8000."
    )
    contact: CampaignContactInput
    registration_start: datetime = strawberry.field(description="Equals campaignStart.")
    registration_end: datetime
    campaign_start: datetime = strawberry.field(description="In the future.")
    campaign_end: datetime = strawberry.field(description="Less than 360 days after the start.")
    targeting: CampaignTargetingInput


@strawberry.input(
    description="The fields to change (omitted: unchanged). After the first publish the change "
    "applies 30 minutes later."
)
class CampaignUpdateInput:
    id: strawberry.ID
    name: str | None = None
    description: str | None = None
    seller_requirements: str | None = None
    commission_requirement_bps: int | None = None
    contact: CampaignContactInput | None = None
    registration_start: datetime | None = None
    registration_end: datetime | None = None
    campaign_start: datetime | None = None
    campaign_end: datetime | None = None
    targeting: CampaignTargetingInput | None = None


@strawberry.input
class CampaignPublishInput:
    id: strawberry.ID
    published: bool


@strawberry.input
class CampaignPendingChangeCancelInput:
    campaign_id: strawberry.ID


@strawberry.input
class CampaignFilter:
    status: list[CampaignStatus] | None = None
    market: Market | None = None
    search: str | None = strawberry.field(default=None, description="Part of the campaign name.")
    max_commission_requirement_bps: int | None = strawberry.field(
        default=None, description="Campaigns whose commission requirement is at most this."
    )
    active_on: datetime | None = strawberry.field(
        default=None, description="Campaigns whose campaign period contains this instant."
    )
    joined: bool | None = strawberry.field(
        default=None, description="Sellers: only campaigns it has (true) or has not (false) joined."
    )
    registration_open: bool | None = strawberry.field(
        default=None, description="Only campaigns whose registration is open now (true) or not (false)."
    )
    archived: bool | None = strawberry.field(
        default=None,
        description="Archived campaigns only (true) or none (false). Unset: an agency's list leaves them out; "
        "sellers and operators see them as any other.",
    )


@strawberry.input
class CampaignSort:
    field: CampaignSortField = CampaignSortField.CREATED
    direction: SortDirection = SortDirection.DESC
