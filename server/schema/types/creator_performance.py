"""A creator's own performance: per market, per campaign it promotes, per product (its own figures only)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry

from server.models import enums
from server.rates import entry_rate_in_force
from server.schema.context import Info
from server.schema.types.catalogue import Product
from server.schema.types.common import Currency, Market
from server.schema.types.performance import PerformanceNumbers
from server.schema.types.sample import SampleRequest
from server.schema.types.showcase import ShowcaseEntry

if TYPE_CHECKING:
    from server.services.performance.creator import CreatorCampaignRow, CreatorProductRow, CreatorTotals


@strawberry.type(description="The viewer's own performance in one market (creators).")
class CreatorPerformance:
    market: Market
    currency: Currency
    computed_at: datetime
    products_in_showcase: int = strawberry.field(description="Products active in the showcase now.")
    numbers: PerformanceNumbers = strawberry.field(description="Own sales and own commission, all campaigns.")

    @classmethod
    def of(cls, market: enums.Market, totals: CreatorTotals, computed_at: datetime) -> CreatorPerformance:
        currency = enums.MARKET_CURRENCY[market]
        return cls(
            market=market,
            currency=currency,
            computed_at=computed_at,
            products_in_showcase=totals.products_in_showcase,
            numbers=PerformanceNumbers.of(totals.numbers, currency),
        )


@strawberry.type(description="The creator's own figures in one campaign it promotes.")
class CreatorCampaignPerformance:
    campaign_name: str
    agency_name: str
    campaign_start: datetime
    campaign_end: datetime
    products_in_showcase: int
    numbers: PerformanceNumbers

    @classmethod
    def of(cls, row: CreatorCampaignRow) -> CreatorCampaignPerformance:
        c = row.campaign
        return cls(
            campaign_name=c.name,
            agency_name=row.agency_name,
            campaign_start=c.campaign_start,
            campaign_end=c.campaign_end,
            products_in_showcase=row.products_in_showcase,
            numbers=PerformanceNumbers.of(row.numbers, enums.MARKET_CURRENCY[c.market]),
        )


@strawberry.type(description="The creator's own figures for one product it promotes, through one campaign.")
class CreatorProductPerformance:
    row: strawberry.Private[Any]  # CreatorProductRow
    campaign_name: str
    agency_name: str
    campaign_end: datetime = strawberry.field(
        description="The last moment orders earn commission through it."
    )
    content_due_at: datetime | None = strawberry.field(
        description="Content is due by then for a delivered sample (14 days, + 7 with the one extension)."
    )
    numbers: PerformanceNumbers

    @classmethod
    def of(cls, row: CreatorProductRow, currency: enums.Currency) -> CreatorProductPerformance:
        return cls(
            row=row,
            campaign_name=row.campaign_name,
            agency_name=row.agency_name,
            campaign_end=row.campaign_end,
            content_due_at=None if row.sample is None else row.sample.content_due_at,
            numbers=PerformanceNumbers.of(row.numbers, currency),
        )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.registration.product_id)
        return None if row is None else Product.from_row(row)

    @strawberry.field(description="The latest showcase entry for it (null when it sold only through a link).")
    def showcase_entry(self) -> ShowcaseEntry | None:
        return None if self.row.entry is None else ShowcaseEntry.from_row(self.row.entry)

    @strawberry.field(description="Own rate in force on that entry (bps).")
    def creator_rate_bps(self, info: Info) -> int | None:
        e = self.row.entry
        if e is None:
            return None
        return entry_rate_in_force(e, info.context.rt.clock.now())

    @strawberry.field(description="Own sample request for it: status, delivery and content deadline.")
    def sample_request(self) -> SampleRequest | None:
        return None if self.row.sample is None else SampleRequest.from_row(self.row.sample)
