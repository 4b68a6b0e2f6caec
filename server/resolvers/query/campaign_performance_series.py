from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from server.resolvers.performance_scopes import campaign_scope, day_range
from server.schema.context import Info
from server.schema.types.performance import PerformanceSeries
from server.services.performance.series import daily, day_statement, local_date, market_zone


async def resolve_campaign_performance_series(
    info: Info,
    campaign_id: strawberry.ID,
    first_day: Annotated[date | None, strawberry.argument(name="from")] = None,
    last_day: Annotated[date | None, strawberry.argument(name="to")] = None,
) -> PerformanceSeries | None:
    """Daily figures of a campaign the viewer may see, in the campaign market's time zone; null otherwise."""
    scoped = await campaign_scope(info, campaign_id)
    if scoped is None:
        return None
    campaign, scope = scoped
    zone = market_zone(campaign.market)
    first, last = day_range(
        info, campaign.market, first_day, last_day, ends=local_date(campaign.campaign_end, zone)
    )
    stmt = scope.kept("days", lambda t: day_statement(*t.days(), t.accounts))
    days = await daily(info.context.reads, stmt, scope.values(), scope.accounts, zone, first, last)
    return PerformanceSeries.of(campaign.market, first, last, days)
