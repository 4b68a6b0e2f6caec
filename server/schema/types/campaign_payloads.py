"""Campaign payloads and userErrors (campaignCreate, campaignUpdate, campaignPublish, campaignPendingChangeCancel)
and the campaigns list's sort fields; the inputs are in server/schema/inputs/campaigns.py."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server.schema.errors import UserError
from server.schema.types.campaign import (
    Campaign,
    CampaignPendingChange,
)


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


@strawberry.enum
class CampaignSortField(enum.StrEnum):
    START = "START"
    END = "END"
    CREATED = "CREATED"
    REGISTRATION_END = "REGISTRATION_END"
    COMMISSION_REQUIREMENT = "COMMISSION_REQUIREMENT"
