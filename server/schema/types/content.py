"""Videos and LIVE sessions creators post for products (creator-level data: never a seller's)."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.catalogue import Product
from server.schema.types.common import Node
from server.schema.types.offer_context import OfferContext
from server.schema.types.tenants import Creator

ContentKind = enums.ContentKind
strawberry.enum(ContentKind)


@strawberry.type(description="A video or LIVE session promoting a product.")
class Content(Node):
    row: strawberry.Private[models.Content]
    kind: ContentKind
    url: str
    posted_at: datetime
    views: int
    likes: int
    orders_count: int = strawberry.field(description="Orders attributed to it.")

    @classmethod
    def from_row(cls, row: models.Content) -> Content:
        return cls(
            id=encode_id("Content", row.id),
            row=row,
            kind=row.kind,
            url=row.url,
            posted_at=row.posted_at,
            views=row.views,
            likes=row.likes,
            orders_count=row.orders_count,
        )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return None if row is None else Product.from_row(row)

    @strawberry.field
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.row.creator_id)
        return None if row is None else Creator.from_row(row)

    @strawberry.field(description="The campaign it was posted for; null when it came without one.")
    async def campaign_name(self, info: Info) -> str | None:
        if self.row.registration_id is None:
            return None
        return (await OfferContext.load(info, self.row.registration_id)).campaign_name


@strawberry.enum
class ContentErrorCode(enum.StrEnum):
    NOT_IN_SHOWCASE = "NOT_IN_SHOWCASE"
    INVALID_ID = "INVALID_ID"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_FORMAT = "INVALID_FORMAT"
    OUT_OF_RANGE = "OUT_OF_RANGE"


@strawberry.type
class ContentUserError(UserError):
    code: ContentErrorCode
