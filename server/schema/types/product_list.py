"""Agency product lists, their items (the three-way split of a registration's rate) and share links."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import strawberry

from server import models
from server.ids import encode_id
from server.links import share_url
from server.money import agency_rate_bps
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.pagination import Connection, Edge, PageInfo, check_first, decode_cursor, encode_cursor
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product
from server.schema.types.common import Node
from server.schema.types.registration import Registration


@strawberry.type(description="An unguessable link to a product list, opened by creators at `url`.")
class ShareLink(Node):
    pk: strawberry.Private[int]
    token: str
    created_at: datetime
    revoked_at: datetime | None = strawberry.field(
        description="Set when revoked; a revoked link opens nothing."
    )

    @classmethod
    def from_row(cls, row: models.ShareLink) -> ShareLink:
        return cls(
            id=encode_id("ShareLink", row.id),
            pk=row.id,
            token=row.token,
            created_at=row.created_at,
            revoked_at=row.revoked_at,
        )

    @strawberry.field(description="The link to send to creators: <base url>/c/<token>.")
    def url(self, info: Info) -> str:
        return share_url(info.context.rt.settings.base_url, self.token)

    @strawberry.field(description="How many creators have opened the link.")
    async def opens(self, info: Info) -> int | None:
        row = await info.context.loaders.link_open_count_by_share_link_id.load(self.pk)
        return 0 if row is None else int(row[1])


@strawberry.type(
    description="An approved product in a list, with the creator's share of the seller's total rate."
)
class ProductListItem(Node):
    pk: strawberry.Private[int]
    registration_pk: strawberry.Private[int]
    product_pk: strawberry.Private[int]
    total_rate_bps: int | None = strawberry.field(description="The seller's total commission rate (bps).")
    creator_rate_bps: int = strawberry.field(description="What creators earn (bps), out of the total.")
    agency_rate_bps: int | None = strawberry.field(
        description="total − creator (bps): what the agency keeps."
    )
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: tuple[models.ProductListItem, int, int]) -> ProductListItem:
        item, product_id, total_rate_bps = row
        return cls(
            id=encode_id("ProductListItem", item.id),
            pk=item.id,
            registration_pk=item.registration_id,
            product_pk=product_id,
            total_rate_bps=total_rate_bps,
            creator_rate_bps=item.creator_rate_bps,
            agency_rate_bps=agency_rate_bps(total_rate_bps, item.creator_rate_bps),
            created_at=item.created_at,
            updated_at=item.updated_at,
        )

    @strawberry.field(description="The seller's registration of the product in the list's campaign.")
    async def registration(self, info: Info) -> Registration | None:
        row = await info.context.loaders.registration_by_id.load(self.registration_pk)
        return None if row is None else Registration.from_row(row)

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.product_pk)
        return None if row is None else Product.from_row(row)

    @strawberry.field(description="Creators who have the product in their showcase through this item now.")
    async def creator_count(self, info: Info) -> int | None:
        row = await info.context.loaders.active_creator_count_by_list_item_id.load(self.pk)
        return 0 if row is None else int(row[1])


@strawberry.type(
    description="Up to 100 approved products of one campaign, shared with creators through a link."
)
class ProductList(Node):
    row: strawberry.Private[models.ProductList]
    name: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: models.ProductList) -> ProductList:
        return cls(
            id=encode_id("ProductList", row.id),
            row=row,
            name=row.name,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    @strawberry.field
    async def campaign(self, info: Info) -> Campaign | None:
        row = await info.context.loaders.campaign_by_id.load(self.row.campaign_id)
        return None if row is None else Campaign.from_row(row)

    @strawberry.field(description="How many products the list holds.")
    async def item_count(self, info: Info) -> int:
        return await _item_count(info, self.row.id)

    @strawberry.field(description="The list's products, in the order they were added.")
    async def items(
        self, info: Info, first: int = 100, after: str | None = None
    ) -> Connection[ProductListItem]:
        check_first(first)
        cursor = None if after is None else decode_cursor(after)
        rows = await info.context.loaders.product_list_items_page.load((self.row.id, first, cursor))
        return _page(rows, first, has_previous=after is not None, total=await _item_count(info, self.row.id))

    @strawberry.field(description="The active share link; null when the list has none.")
    async def share_link(self, info: Info) -> ShareLink | None:
        row = await info.context.loaders.active_share_link_by_list_id.load(self.row.id)
        return None if row is None else ShareLink.from_row(row)


async def _item_count(info: Info, list_id: int) -> int:
    row = await info.context.loaders.product_list_item_count_by_list_id.load(list_id)
    return 0 if row is None else int(row[1])


def _page(rows: list[Any], first: int, *, has_previous: bool, total: int) -> Connection[ProductListItem]:
    edges = [
        Edge(cursor=encode_cursor(row[0].created_at, row[0].id), node=ProductListItem.from_row(row))
        for row in rows[:first]
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first,
            has_previous_page=has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


@strawberry.enum
class ProductListErrorCode(enum.StrEnum):
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    LIMIT_REACHED = "LIMIT_REACHED"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    ABOVE_TOTAL_RATE = "ABOVE_TOTAL_RATE"
    NOT_APPROVED = "NOT_APPROVED"
    WRONG_CAMPAIGN = "WRONG_CAMPAIGN"
    DUPLICATE_ITEM = "DUPLICATE_ITEM"
    ALREADY_REVOKED = "ALREADY_REVOKED"


@strawberry.type
class ProductListUserError(UserError):
    code: ProductListErrorCode


@strawberry.type
class ProductListPayload:
    product_list: ProductList | None
    user_errors: list[ProductListUserError]


@strawberry.type
class ProductListDeletePayload:
    deleted_id: strawberry.ID | None
    user_errors: list[ProductListUserError]


@strawberry.type
class ShareLinkPayload:
    share_link: ShareLink | None
    user_errors: list[ProductListUserError]
