from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from sqlalchemy import ColumnElement, select

from server import models
from server.authz.decisions import row_scope
from server.models.enums import Market
from server.resolvers.performance_scopes import day_range
from server.schema.context import Info
from server.schema.types.performance import PerformanceSeries, visible_accounts
from server.services.performance.series import daily, day_statement, market_zone


async def resolve_performance_series(
    info: Info,
    market: Market | None = None,
    first_day: Annotated[date | None, strawberry.argument(name="from")] = None,
    last_day: Annotated[date | None, strawberry.argument(name="to")] = None,
) -> PerformanceSeries:
    """The viewer's own daily figures over every campaign of one market it may see (default: its home market, an
    agency's first): an agency its campaigns', a seller its own products' with no split. The homes read today
    against yesterday and the month so far from it."""
    principal = info.context.principal
    assert principal is not None  # the policy lets agencies and sellers in only
    if market is None:
        organisation = await info.context.loaders.organisation_by_id.load(principal.organisation_id)
        market = organisation.market or Market.TH
    table, campaign = models.rollup_campaign_days, models.Campaign
    campaigns = select(campaign.id).where(campaign.market == market, row_scope("Campaign", principal))
    where: list[ColumnElement[bool]] = [table.c.campaign_id.in_(campaigns)]
    if principal.shop_id is not None:
        where.append(table.c.shop_id == principal.shop_id)
    first, last = day_range(info, market, first_day, last_day)
    accounts = visible_accounts(principal)
    stmt = day_statement(table, where, accounts)
    days = await daily(info.context.reads, stmt, {}, accounts, market_zone(market), first, last)
    return PerformanceSeries.of(market, first, last, days)
