from __future__ import annotations

from server.models.enums import MARKET_CURRENCY, Market
from server.resolvers.performance_scopes import creator_scope, page_args
from server.schema.context import Info
from server.schema.pagination import Connection
from server.schema.types.creator_performance import CreatorProductPerformance
from server.schema.types.performance import connection
from server.services.performance.creator import creator_product_page


async def resolve_creator_product_performance(
    info: Info,
    market: Market | None = None,
    first: int = 20,
    after: str | None = None,
) -> Connection[CreatorProductPerformance]:
    """The creator's own figures per product it promotes (per campaign) in one market, most GMV first."""
    cursor = page_args(first, after)
    scope = await creator_scope(info, market)
    page = await creator_product_page(info.context.reads, scope, first=first, after=cursor)
    currency = MARKET_CURRENCY[scope.market]
    return connection(page, lambda row: CreatorProductPerformance.of(row, currency), after)
