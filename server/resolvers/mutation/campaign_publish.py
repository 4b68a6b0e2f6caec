from __future__ import annotations

from server.ids import decode_id
from server.resolvers.campaign_inputs import campaign_payload
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignPublishInput
from server.schema.types.campaign_payloads import CampaignPayload
from server.services import campaigns


async def resolve_campaign_publish(info: Info, input: CampaignPublishInput) -> CampaignPayload:  # noqa: A002
    return await campaign_payload(
        info,
        lambda principal: campaigns.set_published(
            info.context.rt, principal, decode_id(input.id, "Campaign"), input.published
        ),
    )
