"""Inputs of the agency's daily operations on campaigns: delete a draft, duplicate, archive; the markets served."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server.schema.types.common import Market


@strawberry.input
class CampaignDeleteInput:
    id: strawberry.ID


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
