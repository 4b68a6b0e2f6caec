from __future__ import annotations

from server.ids import decode_id
from server.resolvers.campaign_inputs import campaign_payload
from server.schema.context import Info
from server.schema.inputs.campaign_ops import CampaignArchiveInput
from server.schema.types.campaign_payloads import CampaignPayload
from server.services import campaign_drafts


async def resolve_campaign_archive(info: Info, input: CampaignArchiveInput) -> CampaignPayload:  # noqa: A002
    return await campaign_payload(
        info,
        lambda principal: campaign_drafts.set_archived(
            info.context.rt, principal, decode_id(input.id, "Campaign"), input.archived
        ),
    )
