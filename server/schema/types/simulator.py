"""The commission simulator (server/services/insight/simulator.py): figures for terms not committed yet."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry

from server.models.enums import Currency as CurrencyEnum
from server.schema.context import Info
from server.schema.types.catalogue import Product
from server.schema.types.common import Money
from server.schema.types.registration import Registration

if TYPE_CHECKING:
    from server.services.insight import simulator


@strawberry.enum(
    description="Where an observed refund rate comes from: the finest level with enough finished lines."
)
class SurvivalLevel(enum.StrEnum):
    PRODUCT = "PRODUCT"
    SHOP = "SHOP"
    CATEGORY = "CATEGORY"
    MARKET = "MARKET"
    NONE = "NONE"


@strawberry.enum(description="Why a simulation input was refused.")
class SimulationErrorCode(enum.StrEnum):
    OUT_OF_RANGE = "OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    NOT_APPROVED = "NOT_APPROVED"
    ABOVE_TOTAL_RATE = "ABOVE_TOTAL_RATE"


@strawberry.type
class SimulationUserError:
    field: list[str] | None
    message: str
    code: SimulationErrorCode


@strawberry.type(description="How a rate compares with comparable approved products: quartiles, no names.")
class RateComparison:
    scope: str = strawberry.field(description="CATEGORY (same category in the campaign) or CAMPAIGN.")
    count: int
    p25_bps: int
    median_bps: int
    p75_bps: int
    below_share_bps: int = strawberry.field(description="Share of the comparable rates below the typed one.")


def _money(amount: int, currency: CurrencyEnum) -> Money:
    return Money.of(amount, currency)


@strawberry.type(description="What registering one product on the typed terms would cost.")
class RegistrationSimulationItem:
    product_pk: strawberry.Private[int]
    price: Money = strawberry.field(description="The product's lowest SKU price.")
    total_rate_bps: int
    refund_rate_bps: int = strawberry.field(description="Observed share of GMV refunded or cancelled.")
    refund_basis: SurvivalLevel  # type: ignore[valid-type]
    refund_sample_size: int = strawberry.field(description="Finished order lines behind the refund rate.")
    commission_per_order: Money = strawberry.field(description="Price × total rate, half-up.")
    expected_commission_per_order: Money = strawberry.field(
        description="Refunded orders pay no commission: commission × (1 − refund rate)."
    )
    shop_ads_per_order: Money | None
    sample_quota_cost: Money = strawberry.field(description="Sample quota × price, spent once.")
    cost_per_100_orders: Money = strawberry.field(description="100 expected commissions + the sample quota.")
    effective_rate_bps: int | None = strawberry.field(
        description="Cost per 100 orders over the GMV those orders keep."
    )
    comparison: RateComparison | None = strawberry.field(
        description="Null when fewer than 5 comparable approved products exist."
    )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.product_pk)
        return None if row is None else Product.from_row(row)

    @classmethod
    def of(cls, item: simulator.SellerItem) -> RegistrationSimulationItem:
        c = item.currency
        comparison = (
            None
            if item.comparison is None
            else RateComparison(
                scope=item.comparison.scope,
                count=item.comparison.count,
                p25_bps=item.comparison.p25_bps,
                median_bps=item.comparison.median_bps,
                p75_bps=item.comparison.p75_bps,
                below_share_bps=item.comparison.below_share_bps,
            )
        )
        return cls(
            product_pk=item.product_id,
            price=_money(item.price, c),
            total_rate_bps=item.total_rate_bps,
            refund_rate_bps=item.survival.refund_bps,
            refund_basis=SurvivalLevel(item.survival.level.value),
            refund_sample_size=item.survival.sample_size,
            commission_per_order=_money(item.commission_per_order, c),
            expected_commission_per_order=_money(item.expected_commission_per_order, c),
            shop_ads_per_order=None
            if item.shop_ads_per_order is None
            else _money(item.shop_ads_per_order, c),
            sample_quota_cost=_money(item.sample_quota_cost, c),
            cost_per_100_orders=_money(item.cost_per_100_orders, c),
            effective_rate_bps=item.effective_rate_bps,
            comparison=comparison,
        )


@strawberry.type
class RegistrationSimulation:
    items: list[RegistrationSimulationItem]
    user_errors: list[SimulationUserError]


@strawberry.type(description="What a creator rate would pay the creator and the agency.")
class ProductListItemSimulationItem:
    registration_pk: strawberry.Private[int]
    price: Money
    total_rate_bps: int
    creator_rate_bps: int
    agency_rate_bps: int
    creator_per_order: Money
    agency_per_order: Money
    recent_days: int
    recent_orders: int = strawberry.field(
        description="Paid attributed orders of the product in the recent days."
    )
    recent_gmv: Money = strawberry.field(description="What those orders' buyers kept (the commission base).")
    creator_recent: Money = strawberry.field(description="The creator's take at that volume.")
    agency_recent: Money = strawberry.field(description="The agency's take at that volume.")
    creators_elsewhere: int = strawberry.field(
        description="Creators promoting the product through another offer now."
    )
    creators_earning_more: int = strawberry.field(
        description="Of them, those whose rate in force is higher (they would see a lower-rate notice)."
    )

    @strawberry.field
    async def registration(self, info: Info) -> Registration | None:
        row = await info.context.loaders.registration_by_id.load(self.registration_pk)
        return None if row is None else Registration.from_row(row)

    @classmethod
    def of(cls, item: simulator.AgencyItem) -> ProductListItemSimulationItem:
        c = item.currency
        return cls(
            registration_pk=item.registration_id,
            price=_money(item.price, c),
            total_rate_bps=item.total_rate_bps,
            creator_rate_bps=item.creator_rate_bps,
            agency_rate_bps=item.agency_rate_bps,
            creator_per_order=_money(item.creator_per_order, c),
            agency_per_order=_money(item.agency_per_order, c),
            recent_days=item.recent_days,
            recent_orders=item.recent_orders,
            recent_gmv=_money(item.recent_gmv, c),
            creator_recent=_money(item.creator_recent, c),
            agency_recent=_money(item.agency_recent, c),
            creators_elsewhere=item.creators_elsewhere,
            creators_earning_more=item.creators_earning_more,
        )


@strawberry.type
class ProductListItemSimulation:
    items: list[ProductListItemSimulationItem]
    user_errors: list[SimulationUserError]
