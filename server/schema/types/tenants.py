"""Organisations and people."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.loaders.counts import unread_notification_count
from server.models import enums
from server.schema.context import Info
from server.schema.types.catalogue import Shop
from server.schema.types.common import Locale, Market, Node, OrganisationKind, Role
from server.schema.types.scorecard import (
    AgencyScorecard,
    CreatorScorecard,
    agency_scorecard,
    creator_scorecard,
)


@strawberry.type
class User(Node):
    pk: strawberry.Private[int]
    email: str | None
    full_name: str | None

    @classmethod
    def from_row(cls, row: models.User) -> User:
        return cls(id=encode_id("User", row.id), pk=row.id, email=row.email, full_name=row.full_name)


@strawberry.type(
    description="The organisation a user belongs to (an agency, a shop, a creator or the platform)."
)
class Organisation(Node):
    pk: strawberry.Private[int]
    kind: OrganisationKind | None
    name: str | None
    market: Market | None

    @classmethod
    def from_row(cls, row: models.Organisation) -> Organisation:
        return cls(
            id=encode_id("Organisation", row.id), pk=row.id, kind=row.kind, name=row.name, market=row.market
        )


@strawberry.type(description="An affiliate partner that runs campaigns.")
class Agency(Node):
    pk: strawberry.Private[int]
    name: str | None
    markets: list[Market] | None
    contact_email: str | None
    website: str | None

    @classmethod
    def from_row(cls, row: tuple[models.Agency, models.Organisation]) -> Agency:
        agency, org = row
        return cls(
            id=encode_id("Agency", org.id),
            pk=org.id,
            name=org.name,
            markets=[enums.Market(m) for m in agency.markets],
            contact_email=agency.contact_email,
            website=agency.website,
        )

    @strawberry.field(description="The agency's trust scorecard (last 180 days).")
    async def scorecard(self, info: Info) -> AgencyScorecard | None:
        return await agency_scorecard(info, self.pk)


@strawberry.type(description="A creator's public profile.")
class Creator(Node):
    pk: strawberry.Private[int]
    handle: str | None
    display_name: str | None
    avatar_url: str | None
    followers: int | None
    market: Market | None
    categories: list[str] | None
    bio: str | None

    @classmethod
    def from_row(cls, row: models.CreatorProfile) -> Creator:
        return cls(
            id=encode_id("Creator", row.organisation_id),
            pk=row.organisation_id,
            handle=row.handle,
            display_name=row.display_name,
            avatar_url=row.avatar_url,
            followers=row.followers,
            market=row.market,
            categories=list(row.categories),
            bio=row.bio,
        )

    @strawberry.field(description="The creator's trust scorecard (last 180 days).")
    async def scorecard(self, info: Info) -> CreatorScorecard | None:
        return await creator_scorecard(info, self.pk)


@strawberry.type(description="The logged-in user, its role and its organisation.")
class Viewer:
    role: Role | None
    session_expires_at: datetime | None
    user_pk: strawberry.Private[int]
    organisation_pk: strawberry.Private[int]

    @strawberry.field
    async def user(self, info: Info) -> User | None:
        row = await info.context.loaders.user_by_id.load(self.user_pk)
        return None if row is None else User.from_row(row)

    @strawberry.field(description="The viewer's chosen web-app language; null follows the browser.")
    async def locale(self, info: Info) -> Locale | None:
        row = await info.context.loaders.user_by_id.load(self.user_pk)
        return None if row is None else row.locale

    @strawberry.field
    async def organisation(self, info: Info) -> Organisation | None:
        row = await info.context.loaders.organisation_by_id.load(self.organisation_pk)
        return None if row is None else Organisation.from_row(row)

    @strawberry.field(description="The viewer's agency (agencies only).")
    async def agency(self, info: Info) -> Agency | None:
        row = await info.context.loaders.agency_by_id.load(self.organisation_pk)
        return None if row is None else Agency.from_row(row)

    @strawberry.field(description="The viewer's shop (sellers only).")
    async def shop(self, info: Info) -> Shop | None:
        row = await info.context.loaders.shop_by_id.load(self.organisation_pk)
        return None if row is None else Shop.from_row(row)

    @strawberry.field(description="The viewer's creator profile (creators only).")
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.organisation_pk)
        return None if row is None else Creator.from_row(row)

    @strawberry.field
    async def unread_notification_count(self, info: Info) -> int | None:
        return await unread_notification_count(info.context.reads, info.context.principal)


@strawberry.type(description="Platform-wide counts (operators only).")
class PlatformOverview:
    agencies: int
    shops: int
    creators: int
    products: int
    users: int
    campaigns: int
