from __future__ import annotations

from server.models.enums import Market
from server.resolvers.performance_scopes import creator_scope, page_args
from server.schema.context import Info
from server.schema.pagination import Connection
from server.schema.types.creator_performance import CreatorCampaignPerformance
from server.schema.types.performance import connection
from server.services.performance.creator import creator_campaign_page


async def resolve_creator_campaign_performance(
    info: Info,
    market: Market | None = None,
    first: int = 20,
    after: str | None = None,
) -> Connection[CreatorCampaignPerformance]:
    """The creator's own figures per campaign it promotes in one market, most GMV first."""
    cursor = page_args(first, after)
    scope = await creator_scope(info, market)
    page = await creator_campaign_page(info.context.reads, scope, first=first, after=cursor)
    return connection(page, CreatorCampaignPerformance.of, after)
