"""Shops, their products and SKUs."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import or_, select

from server import models
from server.authz.decisions import row_scope
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.common import UNREAD, Market, Money, Node, SellerType, Unread, or_none
from server.schema.types.scorecard import SellerScorecard, seller_scorecard
from server.search import contains, contains_pattern


@strawberry.type(description="A seller's shop on the platform.")
class Shop(Node):
    pk: strawberry.Private[int]
    name: str | None
    shop_code: str | None
    seller_type: SellerType | None
    market: Market | None
    rating: float | None = strawberry.field(description="Shop rating out of 5, one decimal.")
    contact_email: str | None

    @classmethod
    def from_row(cls, row: tuple[models.Shop, models.Organisation]) -> Shop:
        shop, org = row
        return cls(
            id=encode_id("Shop", org.id),
            pk=org.id,
            name=org.name,
            shop_code=shop.shop_code,
            seller_type=shop.seller_type,
            market=shop.market,
            rating=None if shop.rating is None else shop.rating / 10,
            contact_email=shop.contact_email,
        )

    @strawberry.field(description="The shop's catalogue, newest first.")
    async def products(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None
    ) -> Connection[Product] | None:
        return await products_connection(info, shop_id=self.pk, first=first, after=after, search=search)

    @strawberry.field(description="The shop's trust scorecard (last 180 days).")
    async def scorecard(self, info: Info) -> SellerScorecard | None:
        return await seller_scorecard(info, self.pk)


# The shop of a shop loader's row, for every field that shows one: their objects are shared (ScopedLoader.shared).
shop_of = or_none(Shop.from_row)


@strawberry.type(description="One sellable variant of a product.")
class Sku:
    id: strawberry.ID
    seller_sku: str
    name: str
    price: Money
    stock: int

    @classmethod
    def from_row(cls, row: models.Sku) -> Sku:
        return cls(
            id=encode_id("Sku", row.id),
            seller_sku=row.seller_sku,
            name=row.variant_name or row.seller_sku,
            price=Money.of(row.price_minor, row.currency),
            stock=row.stock,
        )


@strawberry.type(description="A product in a shop's catalogue.")
class Product(Node):
    pk: strawberry.Private[int]
    shop_pk: strawberry.Private[int]
    currency: strawberry.Private[enums.Currency]
    title: str
    category: str
    description: str | None
    image_url: str | None
    # (id, lowest price, stock, SKU count), None for a product without SKUs, when the page read it with the row
    sku_summary: strawberry.Private[tuple[int, int, int, int] | None | Unread] = UNREAD

    @classmethod
    def from_row(
        cls, row: models.Product, sku_summary: tuple[int, int, int, int] | None | Unread = UNREAD
    ) -> Product:
        return cls(
            sku_summary=sku_summary,
            id=encode_id("Product", row.id),
            pk=row.id,
            shop_pk=row.shop_id,
            currency=row.currency,
            title=row.title,
            category=row.category,
            description=row.description,
            image_url=row.image_url,
        )

    # Plain resolvers: the summary the page read with the row, else a loader (ScopedLoader.answer: no coroutine per
    # row when the page primed it).
    def _summary(self, info: Info, fn: Any) -> Any:
        if self.sku_summary is not UNREAD:
            return fn(self.sku_summary)
        return info.context.loaders.sku_summary_by_product_id.answer(self.pk, fn)

    @strawberry.field(description="The lowest SKU price.")
    def price(self, info: Info) -> Money | None:
        return self._summary(info, lambda s: None if s is None else Money.of(s[1], self.currency))

    @strawberry.field(description="Units in stock across SKUs.")
    def stock(self, info: Info) -> int:
        return self._summary(info, _stock)

    @strawberry.field
    def sku_count(self, info: Info) -> int:
        return self._summary(info, _sku_count)

    @strawberry.field
    def skus(self, info: Info) -> list[Sku]:
        return info.context.loaders.skus_by_product_id.answer(
            self.pk, lambda rows: [Sku.from_row(r) for r in rows]
        )

    @strawberry.field(description="The shop's display name.")
    def shop_name(self, info: Info) -> str:
        return info.context.loaders.shop_name_by_id.answer(
            self.shop_pk, lambda row: "" if row is None else row[1]
        )

    @strawberry.field
    def shop(self, info: Info) -> Shop | None:
        return info.context.loaders.shop_by_id.shared(self.shop_pk, shop_of)


def _stock(summary: Any) -> int:
    return 0 if summary is None else int(summary[2])


def _sku_count(summary: Any) -> int:
    return 0 if summary is None else int(summary[3])


async def products_connection(
    info: Info, *, shop_id: int | None, first: int, after: str | None, search: str | None
) -> Connection[Product]:
    stmt = select(models.Product).where(row_scope("Product", info.context.principal))
    if shop_id is not None:
        stmt = stmt.where(models.Product.shop_id == shop_id)
    if (pattern := contains_pattern(search)) is not None:
        stmt = stmt.where(
            or_(contains(models.Product.title, pattern), contains(models.Product.category, pattern))
        )
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.Product.created_at,
        pk=models.Product.id,
        descending=True,
        first=first,
        after=after,
        wrap=Product.from_row,
    )
