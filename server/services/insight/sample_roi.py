"""Sample-to-revenue ROI of a campaign (docs/roi.md): per sample, the funnel (requested → approved → shipped →
content) and what it brought — the orders, GMV and commission attributed to the same creator on the same
registration (product in the campaign), paid from the sample's shipment on — against the sample's cost at the
product's price (its lowest SKU price, one unit per shipped sample); rolled up per creator, per product and for the
campaign. The viewer's registration scope decides which samples count (a seller: its own products); which figures
and rows it may read is the policy table's (a seller never sees a creator, nor the creator's or agency's amounts).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Currency
from server.models.rollup import rollup_lines
from server.runtime import Runtime
from server.services.insight.simulator import product_prices
from server.services.insight.stats import ratio_bps
from server.services.performance.campaign import CampaignScope
from server.services.performance.numbers import SAMPLE_APPROVED_STATUSES, total

Sample, Reg, Line, Content = models.SampleRequest, models.Registration, models.OrderLine, models.Content
R = rollup_lines.c


@dataclass(slots=True)
class SampleFigures:
    requested: int = 0
    approved: int = 0
    shipped: int = 0
    with_content: int = 0  # samples with at least one content
    contents: int = 0
    gmv: int = 0  # kept by buyers' payments after refunds, on lines that are a sale now
    seller_commission: int = 0  # what the seller pays (estimated: what the ledger holds now)
    creator_commission: int = 0
    agency_commission: int = 0
    sample_cost: int = 0  # shipped samples × the product's price
    order_ids: set[int] = field(default_factory=set[int])

    @property
    def orders(self) -> int:
        return len(self.order_ids)

    @property
    def gmv_per_cost_bps(self) -> int | None:
        """GMV over the samples' cost, in basis points (None without a shipped sample)."""
        return ratio_bps(self.gmv, self.sample_cost)

    def add(self, other: SampleFigures) -> None:
        for name in (
            "requested",
            "approved",
            "shipped",
            "with_content",
            "contents",
            "gmv",
            "seller_commission",
            "creator_commission",
            "agency_commission",
            "sample_cost",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.order_ids |= other.order_ids


@dataclass(frozen=True, slots=True)
class SampleRoiRow:
    sample_id: int
    creator_id: int
    product_id: int
    requested_at: datetime
    figures: SampleFigures


@dataclass(frozen=True, slots=True)
class CampaignRoi:
    campaign_id: int
    currency: Currency
    total: SampleFigures
    samples: list[SampleRoiRow]  # newest request first
    by_creator: list[tuple[int, SampleFigures]]  # most GMV first
    by_product: list[tuple[int, SampleFigures]]  # most GMV first


def _roll_up(
    rows: Iterable[SampleRoiRow], key: Callable[[SampleRoiRow], Hashable]
) -> list[tuple[int, SampleFigures]]:
    out: dict[Hashable, SampleFigures] = {}
    for row in rows:
        out.setdefault(key(row), SampleFigures()).add(row.figures)
    return sorted(out.items(), key=lambda kv: (-kv[1].gmv, -kv[1].sample_cost, kv[0]))  # type: ignore[return-value]


async def campaign_roi(rt: Runtime, scope: CampaignScope, currency: Currency) -> CampaignRoi:
    async with rt.sessionmaker() as session:
        return await _campaign_roi(session, scope, currency)


async def _campaign_roi(session: AsyncSession, scope: CampaignScope, currency: Currency) -> CampaignRoi:
    contents = select(func.count(Content.id)).where(Content.sample_request_id == Sample.id).scalar_subquery()
    samples = (
        await session.execute(
            select(
                Sample.id,
                Sample.creator_id,
                Sample.product_id,
                Sample.created_at,
                Sample.status,
                Sample.shipped_at,
                contents,
            )
            .join(Reg, Reg.id == Sample.registration_id)
            .where(Reg.campaign_id == scope.campaign_id, scope.registrations)
            .order_by(Sample.created_at.desc(), Sample.id.desc())
        )
    ).all()
    prices = await product_prices(session, sorted({s.product_id for s in samples}))
    figures: dict[int, SampleFigures] = {}
    for s in samples:
        shipped = s.shipped_at is not None
        figures[s.id] = SampleFigures(
            requested=1,
            approved=int(s.status in SAMPLE_APPROVED_STATUSES),
            shipped=int(shipped),
            with_content=int(s[6] > 0),
            contents=int(s[6]),
            sample_cost=prices.get(s.product_id, (0, currency))[0] if shipped else 0,
        )
    shipped_ids = [s.id for s in samples if s.shipped_at is not None]
    if shipped_ids:
        attributed = await session.execute(
            select(
                Sample.id,
                R.order_id,
                total(R.base_minor * R.sale),
                total(R.seller_estimated),
                total(R.creator_estimated),
                total(R.agency_estimated),
            )
            .join(
                rollup_lines,
                (R.creator_id == Sample.creator_id) & (R.registration_id == Sample.registration_id),
            )
            .join(Line, Line.id == R.line_id)
            .where(Sample.id.in_(shipped_ids), R.paid == 1, Line.paid_at >= Sample.shipped_at)
            .group_by(Sample.id, R.order_id)
        )
        for sample_id, order_id, gmv, seller, creator, agency in attributed:
            f = figures[sample_id]
            f.order_ids.add(int(order_id))
            f.gmv += int(gmv)
            f.seller_commission += int(seller)
            f.creator_commission += int(creator)
            f.agency_commission += int(agency)
    rows = [SampleRoiRow(s.id, s.creator_id, s.product_id, s.created_at, figures[s.id]) for s in samples]
    campaign_total = SampleFigures()
    for row in rows:
        campaign_total.add(row.figures)
    return CampaignRoi(
        scope.campaign_id,
        currency,
        campaign_total,
        rows,
        _roll_up(rows, lambda r: r.creator_id),
        _roll_up(rows, lambda r: r.product_id),
    )
