from __future__ import annotations

import strawberry

from server.models import enums
from server.resolvers.performance_scopes import campaign_scope
from server.schema.context import Info
from server.schema.types.sample_roi import CampaignSampleRoi
from server.services.insight.sample_roi import campaign_roi


async def resolve_sample_roi(info: Info, campaign_id: strawberry.ID) -> CampaignSampleRoi | None:
    """The ROI of a campaign's samples the viewer may see (an agency all, a seller its own products'); null when
    the campaign is not visible."""
    scoped = await campaign_scope(info, campaign_id)
    if scoped is None:
        return None
    campaign, scope = scoped
    return CampaignSampleRoi.of(
        await campaign_roi(info.context.reads, scope, enums.MARKET_CURRENCY[campaign.market])
    )
