"""Offers as a creator sees them: a share link's products and every offer open to it, with its own rate only
(never the seller's total, never the agency's share) and the agency's display name only."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server.schema.context import Info
from server.schema.types.catalogue import Product
from server.schema.types.common import Currency, Market, Money


async def _product(info: Info, product_pk: int) -> Product | None:
    row = await info.context.loaders.product_by_id.load(product_pk)
    return None if row is None else Product.from_row(row)


@strawberry.type(description="The creator already promotes the product through another offer.")
class LowerRateNotice:
    current_rate_bps: int = strawberry.field(
        description="The creator's rate in force through the other offer."
    )
    offered_rate_bps: int = strawberry.field(description="The rate of this offer.")
    current_source: str = strawberry.field(
        description="Where the current offer comes from: 'campaign · agency'."
    )
    current_is_higher: bool
    current_pending_rate_bps: int | None = strawberry.field(
        description="A decrease already scheduled on the current offer."
    )
    current_pending_effective_at: datetime | None


@strawberry.type(description="A product of a shared offer, with the creator's rate.")
class OfferItem:
    id: strawberry.ID = strawberry.field(description="The list item: pass it in showcaseAdd(itemIds).")
    product_pk: strawberry.Private[int]
    creator_rate_bps: int
    sample_available: bool
    samples_left: int
    campaign_end: datetime
    in_showcase: bool | None = strawberry.field(
        description="Active in the showcase through this very offer (the creator's own: null in the agency's preview)."
    )
    lower_rate_notice: LowerRateNotice | None = strawberry.field(
        description="Set when the product is active in the showcase through another offer."
    )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        return await _product(info, self.product_pk)

    @strawberry.field(description="The lowest SKU price.")
    async def price(self, info: Info) -> Money | None:
        product = await info.context.loaders.product_by_id.load(self.product_pk)
        summary = await info.context.loaders.sku_summary_by_product_id.load(self.product_pk)
        return None if summary is None or product is None else Money.of(summary[1], product.currency)

    @strawberry.field(description="Units in stock across SKUs.")
    async def stock(self, info: Info) -> int:
        summary = await info.context.loaders.sku_summary_by_product_id.load(self.product_pk)
        return 0 if summary is None else int(summary[2])


@strawberry.type(description="What a share link offers the creator who opened it.")
class SharedOffer:
    token: str
    agency_name: str
    campaign_name: str
    campaign_end: datetime
    market: Market
    currency: Currency
    items: list[OfferItem]


@strawberry.type(description="One offer for a product, open to the creator through a link it opened.")
class CommissionOffer:
    list_item_id: strawberry.ID
    creator_rate_bps: int
    campaign_name: str
    campaign_end: datetime
    agency_name: str
    sample_available: bool
    samples_left: int
    token: str = strawberry.field(description="The share link it comes from (for showcaseAdd).")
    in_showcase: bool


@strawberry.type(description="The offers open to the creator for one product, best rate first.")
class ProductOffers:
    product_pk: strawberry.Private[int]
    offers: list[CommissionOffer]
    best_rate_bps: int
    active_rate_bps: int | None = strawberry.field(
        description="The creator's rate in force for the product (its showcase entry); null when not in it."
    )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        return await _product(info, self.product_pk)
