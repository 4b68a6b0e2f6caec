"""The agency's daily operations on campaigns: delete a draft, duplicate, archive; the markets it serves; and the
live event of campaign-level changes."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server.models import enums
from server.schema.errors import UserError
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_inputs import CampaignUserError
from server.schema.types.common import Market
from server.schema.types.tenants import Agency

CampaignChangeKind = strawberry.enum(
    enums.CampaignChangeKind,
    description="What changed. Sellers hear EDITED, CHANGE_APPLIED, PUBLISHED, UNPUBLISHED and CLOSED of the campaigns "
    "they may see; the agency hears every kind of its own campaigns.",
)


@strawberry.input
class CampaignDeleteInput:
    id: strawberry.ID


@strawberry.type
class CampaignDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(description="The id of the deleted draft.")
    user_errors: list[CampaignUserError]


@strawberry.input(description="A new draft with every field of the campaign except the periods, given here.")
class CampaignDuplicateInput:
    id: strawberry.ID
    name: str | None = strawberry.field(default=None, description="The new name (default: the source's).")
    campaign_start: datetime = strawberry.field(description="In the future; registration starts then too.")
    registration_end: datetime
    campaign_end: datetime


@strawberry.input
class CampaignArchiveInput:
    id: strawberry.ID
    archived: bool


@strawberry.input
class AgencyMarketsSetInput:
    markets: list[Market] = strawberry.field(description="The markets the agency serves (at least one).")


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
