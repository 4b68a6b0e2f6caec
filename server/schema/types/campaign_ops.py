"""Payloads of the agency's daily operations on campaigns (delete a draft, duplicate, archive, the markets it serves) and the
live event of campaign-level changes."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server.models import enums
from server.schema.errors import UserError
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignUserError
from server.schema.types.tenants import Agency

CampaignChangeKind = enums.CampaignChangeKind
strawberry.enum(
    CampaignChangeKind,
    description="What changed. Sellers hear EDITED, CHANGE_APPLIED, PUBLISHED, UNPUBLISHED and CLOSED of the campaigns "
    "they may see; the agency hears every kind of its own campaigns.",
)


@strawberry.type
class CampaignDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(description="The id of the deleted draft.")
    user_errors: list[CampaignUserError]


@strawberry.enum
class AgencyErrorCode(enum.StrEnum):
    REQUIRED = "REQUIRED"
    MARKET_IN_USE = "MARKET_IN_USE"


@strawberry.type
class AgencyUserError(UserError):
    code: AgencyErrorCode


@strawberry.type
class AgencyPayload:
    agency: Agency | None
    user_errors: list[AgencyUserError]


@strawberry.type(description="A campaign-level change (not a registration's): edited, published, closed…")
class CampaignChange:
    campaign: Campaign | None = strawberry.field(
        description="As it is now, as the viewer may see it (null once the agency deleted the draft)."
    )
    campaign_id: strawberry.ID
    kind: CampaignChangeKind
    at: datetime
