"""Sample-to-revenue ROI of a campaign (server/services/insight/sample_roi.py, docs/roi.md): per sample, per creator
(agencies), per product and for the campaign. Sellers see their own products' samples without creator identity
and without the creator's or the agency's commission (server/authz/policy_insight.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry

from server.schema.context import Info
from server.schema.types.catalogue import Product
from server.schema.types.common import Currency, Money
from server.schema.types.sample import SampleRequest
from server.schema.types.tenants import Creator

if TYPE_CHECKING:
    from server.services.insight.sample_roi import CampaignRoi, SampleFigures, SampleRoiRow

MAX_SAMPLES = 100


@strawberry.type(description="Samples of some scope and what they brought, against their cost.")
class RoiFigures:
    samples_requested: int
    samples_approved: int
    samples_shipped: int
    samples_with_content: int = strawberry.field(
        description="Samples with at least one video or LIVE linked."
    )
    contents: int
    orders: int = strawberry.field(
        description="Paid orders attributed to the sample's creator on its product, from its shipment on."
    )
    gmv: Money = strawberry.field(description="What those orders' buyers paid after refunds (sales now).")
    seller_commission: Money = strawberry.field(description="Commission the seller pays on them (estimated).")
    creator_commission: Money | None = strawberry.field(description="The creators' part (agencies only).")
    agency_commission: Money | None = strawberry.field(description="The agency's part (agencies only).")
    sample_cost: Money = strawberry.field(description="Shipped samples × the product's price (lowest SKU).")
    gmv_per_cost_bps: int | None = strawberry.field(
        description="GMV over the samples' cost, in basis points (10000 = GMV equals the cost); null: no cost."
    )

    @classmethod
    def of(cls, f: SampleFigures, currency: Any) -> RoiFigures:
        return cls(
            samples_requested=f.requested,
            samples_approved=f.approved,
            samples_shipped=f.shipped,
            samples_with_content=f.with_content,
            contents=f.contents,
            orders=f.orders,
            gmv=Money.of(f.gmv, currency),
            seller_commission=Money.of(f.seller_commission, currency),
            creator_commission=Money.of(f.creator_commission, currency),
            agency_commission=Money.of(f.agency_commission, currency),
            sample_cost=Money.of(f.sample_cost, currency),
            gmv_per_cost_bps=f.gmv_per_cost_bps,
        )


@strawberry.type(description="One sample's funnel and return (agencies).")
class SampleRoiSample:
    row: strawberry.Private[Any]  # SampleRoiRow
    requested_at: datetime
    figures: RoiFigures

    @strawberry.field
    async def sample_request(self, info: Info) -> SampleRequest | None:
        row = await info.context.loaders.sample_request_by_id.load(self.row.sample_id)
        return None if row is None else SampleRequest.from_row(row)

    @strawberry.field
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.row.creator_id)
        return None if row is None else Creator.from_row(row)

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return None if row is None else Product.from_row(row)


@strawberry.type(description="A creator's samples in the campaign, rolled up (agencies).")
class SampleRoiCreator:
    creator_pk: strawberry.Private[int]
    figures: RoiFigures

    @strawberry.field
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.creator_pk)
        return None if row is None else Creator.from_row(row)


@strawberry.type(description="A product's samples in the campaign, rolled up.")
class ProductSampleRoi:
    product_pk: strawberry.Private[int]
    figures: RoiFigures

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.product_pk)
        return None if row is None else Product.from_row(row)


@strawberry.type(description="A campaign's sample-to-revenue ROI over the samples the viewer may see.")
class CampaignSampleRoi:
    roi: strawberry.Private[Any]  # CampaignRoi
    currency: Currency
    total: RoiFigures
    by_product: list[ProductSampleRoi] = strawberry.field(description="Most GMV first.")
    by_creator: list[SampleRoiCreator] | None = strawberry.field(
        description="Most GMV first (agencies only)."
    )

    @strawberry.field(description="Each sample, newest request first (agencies only); at most 100.")
    def samples(self, first: int = 20) -> list[SampleRoiSample] | None:
        rows: list[SampleRoiRow] = self.roi.samples[: max(0, min(first, MAX_SAMPLES))]
        return [
            SampleRoiSample(
                row=r, requested_at=r.requested_at, figures=RoiFigures.of(r.figures, self.currency)
            )
            for r in rows
        ]

    @classmethod
    def of(cls, roi: CampaignRoi) -> CampaignSampleRoi:
        c = roi.currency
        return cls(
            roi=roi,
            currency=c,
            total=RoiFigures.of(roi.total, c),
            by_product=[
                ProductSampleRoi(product_pk=pk, figures=RoiFigures.of(f, c)) for pk, f in roi.by_product
            ],
            by_creator=[
                SampleRoiCreator(creator_pk=pk, figures=RoiFigures.of(f, c)) for pk, f in roi.by_creator
            ],
        )
