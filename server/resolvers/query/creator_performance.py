from __future__ import annotations

from server.models.enums import Market
from server.resolvers.performance_scopes import creator_scope
from server.schema.context import Info
from server.schema.types.creator_performance import CreatorPerformance
from server.services.performance.creator import creator_totals


async def resolve_creator_performance(info: Info, market: Market | None = None) -> CreatorPerformance:
    """The creator's own totals in one market (default: its home market)."""
    scope = await creator_scope(info, market)
    totals = await creator_totals(info.context.reads, scope)
    return CreatorPerformance.of(scope.market, totals, info.context.rt.clock.now())
