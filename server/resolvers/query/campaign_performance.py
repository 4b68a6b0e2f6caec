from __future__ import annotations

import strawberry

from server.resolvers.performance_scopes import campaign_scope
from server.schema.context import Info
from server.schema.types.performance import CampaignPerformance
from server.services.performance.campaign import campaign_overview


async def resolve_campaign_performance(info: Info, campaign_id: strawberry.ID) -> CampaignPerformance | None:
    """The overview of a campaign the viewer may see; null otherwise."""
    scoped = await campaign_scope(info, campaign_id)
    if scoped is None:
        return None
    campaign, scope = scoped
    overview = await campaign_overview(info.context.reads, scope)
    return CampaignPerformance.of(campaign, overview, scope.now)
