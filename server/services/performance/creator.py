"""A creator's own performance in one market (one currency, one time zone): totals, per campaign and per
product it promotes, with its own commission only (never the seller's total or the agency's share)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, select, true, union
from sqlalchemy.orm import aliased

from server import models
from server.models.enums import LedgerAccount, Market, ShowcaseStatus
from server.runtime import Runtime
from server.services.performance.numbers import (
    Numbers,
    count_if,
)
from server.services.performance.paging import Cursor, Order, Page, keyset
from server.services.performance.rollup_figures import plain, summed

R, Campaign, Organisation = models.Registration, models.Campaign, models.Organisation
ShowcaseEntry, Sample = models.ShowcaseEntry, models.SampleRequest
CreatorMarkets, CreatorCampaigns = models.rollup_creator_markets, models.rollup_creator_campaigns
CreatorProducts, CreatorDays = models.rollup_creator_products, models.rollup_creator_days

ACCOUNTS = frozenset({LedgerAccount.CREATOR_EARNINGS})


@dataclass(frozen=True, slots=True)
class CreatorScope:
    creator_id: int
    market: Market

    def campaign_ids(self) -> Select[int]:
        return select(Campaign.id).where(Campaign.market == self.market)

    def days(self) -> tuple[Table, list[ColumnElement[bool]]]:
        """The per-day rollup and the creator's rows of it in this market, for series.daily."""
        t = CreatorDays
        return t, [t.c.creator_id == self.creator_id, t.c.market == self.market.value]

    def entries(self) -> list[ColumnElement[bool]]:
        in_market = select(R.id).where(R.campaign_id.in_(self.campaign_ids()))
        return [ShowcaseEntry.creator_id == self.creator_id, ShowcaseEntry.registration_id.in_(in_market)]


def _active() -> ColumnElement[int]:
    return count_if(ShowcaseEntry.status == ShowcaseStatus.ACTIVE).label("products_in_showcase")


@dataclass(frozen=True, slots=True)
class CreatorTotals:
    products_in_showcase: int
    numbers: Numbers


async def creator_totals(rt: Runtime, scope: CreatorScope) -> CreatorTotals:
    parts = [
        select(*summed(CreatorMarkets, ACCOUNTS))
        .where(CreatorMarkets.c.creator_id == scope.creator_id, CreatorMarkets.c.market == scope.market.value)
        .subquery(),
        select(_active()).where(*scope.entries()).subquery(),
    ]
    stmt = select(*(c for sq in parts for c in sq.c)).select_from(parts[0].join(parts[1], true()))
    async with rt.sessionmaker() as session:
        row = (await session.execute(stmt)).mappings().one()
    return CreatorTotals(
        products_in_showcase=int(row["products_in_showcase"]), numbers=Numbers.from_mapping(row)
    )


def _figures(scope: CreatorScope, table: Table, key: str) -> Any:
    """The creator's rollup rows (per campaign or per product) in this market, keyed by `key`."""
    return (
        select(table.c[key].label("key"), *plain(table, ACCOUNTS))
        .where(table.c.creator_id == scope.creator_id, table.c.campaign_id.in_(scope.campaign_ids()))
        .subquery("figures")
    )


def _metrics(*subqueries: Any) -> dict[str, ColumnElement[int]]:
    return {c.name: func.coalesce(c, 0) for sq in subqueries for c in sq.c if c.name != "key"}


# --- per campaign ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CreatorCampaignRow:
    campaign: models.Campaign
    agency_name: str
    products_in_showcase: int
    numbers: Numbers


async def creator_campaign_page(
    rt: Runtime, scope: CreatorScope, *, first: int, after: Cursor | None
) -> Page[CreatorCampaignRow]:
    """The campaigns the creator promotes (an entry) or sold for, most GMV first."""
    campaign_ids = union(
        select(R.campaign_id.label("id"))
        .join(ShowcaseEntry, ShowcaseEntry.registration_id == R.id)
        .where(*scope.entries()),
        select(CreatorCampaigns.c.campaign_id).where(
            CreatorCampaigns.c.creator_id == scope.creator_id,
            CreatorCampaigns.c.campaign_id.in_(scope.campaign_ids()),
        ),
    ).subquery("campaign_ids")
    figures = _figures(scope, CreatorCampaigns, "campaign_id")
    showcase = (
        select(R.campaign_id.label("key"), _active())
        .join(ShowcaseEntry, ShowcaseEntry.registration_id == R.id)
        .where(*scope.entries())
        .group_by(R.campaign_id)
        .subquery("showcase")
    )
    metrics = _metrics(figures, showcase)
    joined = (
        campaign_ids.join(Campaign, Campaign.id == campaign_ids.c.id)
        .join(Organisation, Organisation.id == Campaign.agency_id)
        .outerjoin(figures, figures.c.key == Campaign.id)
        .outerjoin(showcase, showcase.c.key == Campaign.id)
    )
    stmt = select(Campaign, Organisation.name, *(c.label(n) for n, c in metrics.items())).select_from(joined)

    def wrap(row: Any) -> CreatorCampaignRow:
        m = row._mapping
        return CreatorCampaignRow(
            campaign=row[0],
            agency_name=row[1],
            products_in_showcase=int(m["products_in_showcase"]),
            numbers=Numbers.from_mapping(m),
        )

    async with rt.sessionmaker() as session:
        return await keyset(
            session,
            stmt,
            select(campaign_ids.c.id),
            Order(metrics["gmv_estimated"], Campaign.id, True),
            first=first,
            after=after,
            wrap=wrap,
        )


# --- per product (registration) -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CreatorProductRow:
    registration: models.Registration
    campaign_name: str
    campaign_end: datetime
    agency_name: str
    entry: models.ShowcaseEntry | None  # the latest entry for the product in that campaign
    sample: models.SampleRequest | None
    numbers: Numbers


async def creator_product_page(
    rt: Runtime, scope: CreatorScope, *, first: int, after: Cursor | None
) -> Page[CreatorProductRow]:
    """Each product the creator promotes (an entry, any status) or sold, per campaign, most GMV first."""
    registration_ids = union(
        select(ShowcaseEntry.registration_id.label("id")).where(*scope.entries()),
        select(CreatorProducts.c.registration_id).where(
            CreatorProducts.c.creator_id == scope.creator_id,
            CreatorProducts.c.campaign_id.in_(scope.campaign_ids()),
        ),
    ).subquery("registration_ids")
    figures = _figures(scope, CreatorProducts, "registration_id")
    latest_ids = (
        select(ShowcaseEntry.registration_id.label("key"), func.max(ShowcaseEntry.id).label("entry_id"))
        .where(*scope.entries())
        .group_by(ShowcaseEntry.registration_id)
        .subquery("latest_ids")
    )
    latest = aliased(ShowcaseEntry, name="latest_entry")
    metrics = _metrics(figures)
    joined = (
        registration_ids.join(R, R.id == registration_ids.c.id)
        .join(Campaign, Campaign.id == R.campaign_id)
        .join(Organisation, Organisation.id == Campaign.agency_id)
        .outerjoin(latest_ids, latest_ids.c.key == R.id)
        .outerjoin(latest, latest.id == latest_ids.c.entry_id)
        .outerjoin(Sample, (Sample.registration_id == R.id) & (Sample.creator_id == scope.creator_id))
        .outerjoin(figures, figures.c.key == R.id)
    )
    stmt = select(
        R,
        Campaign.name,
        Campaign.campaign_end,
        Organisation.name,
        latest,
        Sample,
        *(c.label(n) for n, c in metrics.items()),
    ).select_from(joined)

    def wrap(row: Any) -> CreatorProductRow:
        return CreatorProductRow(
            registration=row[0],
            campaign_name=row[1],
            campaign_end=row[2],
            agency_name=row[3],
            entry=row[4],
            sample=row[5],
            numbers=Numbers.from_mapping(row._mapping),
        )

    async with rt.sessionmaker() as session:
        return await keyset(
            session,
            stmt,
            select(registration_ids.c.id),
            Order(metrics["gmv_estimated"], R.id, True),
            first=first,
            after=after,
            wrap=wrap,
        )
