from __future__ import annotations

from server.ids import decode_id
from server.resolvers.campaign_inputs import campaign_payload
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignPendingChangeCancelInput
from server.schema.types.campaign_payloads import CampaignPayload
from server.services import campaigns


async def resolve_campaign_pending_change_cancel(
    info: Info,
    input: CampaignPendingChangeCancelInput,  # noqa: A002
) -> CampaignPayload:
    return await campaign_payload(
        info,
        lambda principal: campaigns.cancel_pending_change(
            info.context.rt, principal, decode_id(input.campaign_id, "Campaign")
        ),
    )
