from __future__ import annotations

from server.resolvers.campaign_inputs import campaign_payload, to_campaign_input
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignCreateInput
from server.schema.types.campaign_payloads import CampaignPayload
from server.services import campaigns


async def resolve_campaign_create(info: Info, input: CampaignCreateInput) -> CampaignPayload:  # noqa: A002
    return await campaign_payload(
        info,
        lambda principal: campaigns.create(
            info.context.rt, principal, input.market, to_campaign_input(input)
        ),
    )
