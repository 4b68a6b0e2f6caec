"""Campaign inputs, payloads and userErrors (campaignCreate, campaignUpdate, campaignPublish,
campaignPendingChangeCancel) and the campaigns list's filter and sort."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server.schema.errors import UserError
from server.schema.types.campaign import (
    Campaign,
    CampaignPendingChange,
    CampaignStatus,
    Messenger,
    TargetingMode,
)
from server.schema.types.common import Market, SellerType, SortDirection


@strawberry.input(description="How sellers reach the agency. The market decides the messenger (TH LINE, PH Viber, "
                  "VN Zalo, MY/ID/GB WhatsApp, US WhatsApp or none).")
class CampaignContactInput:
    email: str
    phone: str | None = None
    messenger: Messenger | None = None
    messenger_handle: str | None = None


@strawberry.input(description="OPEN: every seller of the market. SELECTED: the shops with these codes (1-100).")
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
    commission_requirement_bps: int = strawberry.field(description="Minimum total rate sellers register with, 100-8000.")
    contact: CampaignContactInput
    registration_start: datetime = strawberry.field(description="Equals campaignStart.")
    registration_end: datetime
    campaign_start: datetime = strawberry.field(description="In the future.")
    campaign_end: datetime = strawberry.field(description="Less than 360 days after the start.")
    targeting: CampaignTargetingInput


@strawberry.input(description="The fields to change (omitted: unchanged). After the first publish the change "
                  "applies 30 minutes later.")
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


@strawberry.enum
class CampaignErrorCode(enum.StrEnum):
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_FORMAT = "INVALID_FORMAT"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    INVALID_PERIOD = "INVALID_PERIOD"
    START_IN_PAST = "START_IN_PAST"
    PERIOD_TOO_LONG = "PERIOD_TOO_LONG"
    MESSENGER_REQUIRED = "MESSENGER_REQUIRED"
    TOO_MANY = "TOO_MANY"
    UNKNOWN_SHOP_CODES = "UNKNOWN_SHOP_CODES"
    CHANGE_PENDING = "CHANGE_PENDING"
    NOT_EDITABLE = "NOT_EDITABLE"
    CLOSED = "CLOSED"
    NO_CHANGE = "NO_CHANGE"
    NO_PENDING_CHANGE = "NO_PENDING_CHANGE"
    CONFLICT = "CONFLICT"
    MARKET_NOT_SERVED = "MARKET_NOT_SERVED"
    NOT_DELETABLE = "NOT_DELETABLE"
    NOT_CLOSED = "NOT_CLOSED"


@strawberry.type
class CampaignUserError(UserError):
    code: CampaignErrorCode
    unknown_shop_codes: list[str] | None = strawberry.field(
        default=None, description="UNKNOWN_SHOP_CODES: the codes no shop of the campaign's market has."
    )
    editable_at: datetime | None = strawberry.field(
        default=None, description="CHANGE_PENDING: when the pending change applies and editing reopens."
    )


@strawberry.type
class CampaignPayload:
    campaign: Campaign | None
    user_errors: list[CampaignUserError]


@strawberry.type
class CampaignUpdatePayload:
    campaign: Campaign | None = strawberry.field(description="The campaign with its effective values.")
    pending_change: CampaignPendingChange | None = strawberry.field(
        description="The stored change when it applies later (after the first publish)."
    )
    applied_now: bool | None = strawberry.field(description="True when the edit is already effective.")
    user_errors: list[CampaignUserError]


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


@strawberry.enum
class CampaignSortField(enum.StrEnum):
    START = "START"
    END = "END"
    CREATED = "CREATED"
    REGISTRATION_END = "REGISTRATION_END"
    COMMISSION_REQUIREMENT = "COMMISSION_REQUIREMENT"


@strawberry.input
class CampaignSort:
    field: CampaignSortField = CampaignSortField.CREATED
    direction: SortDirection = SortDirection.DESC
