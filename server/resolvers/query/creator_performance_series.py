from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from server.models.enums import Market
from server.resolvers.performance_scopes import creator_scope, day_range
from server.schema.context import Info
from server.schema.types.performance import PerformanceSeries
from server.services.performance.creator import ACCOUNTS
from server.services.performance.series import daily, day_statement, market_zone


async def resolve_creator_performance_series(
    info: Info,
    market: Market | None = None,
    first_day: Annotated[date | None, strawberry.argument(name="from")] = None,
    last_day: Annotated[date | None, strawberry.argument(name="to")] = None,
) -> PerformanceSeries:
    """The creator's own daily figures in one market, in that market's time zone."""
    scope = await creator_scope(info, market)
    first, last = day_range(info, scope.market, first_day, last_day)
    days = await daily(
        info.context.reads,
        day_statement(*scope.days(), ACCOUNTS),
        {},
        ACCOUNTS,
        market_zone(scope.market),
        first,
        last,
    )
    return PerformanceSeries.of(scope.market, first, last, days)
