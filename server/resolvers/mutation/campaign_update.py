from __future__ import annotations

from server.ids import decode_id
from server.resolvers.campaign_inputs import to_campaign_input
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignUpdateInput
from server.schema.types.campaign import Campaign, CampaignPendingChange
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignUpdatePayload, CampaignUserError
from server.services import campaigns
from server.services.errors import DomainError, DomainErrors


async def resolve_campaign_update(info: Info, input: CampaignUpdateInput) -> CampaignUpdatePayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        result = await campaigns.update_campaign(
            info.context.rt, principal, decode_id(input.id, "Campaign"), to_campaign_input(input)
        )
    except (DomainError, DomainErrors) as error:
        return CampaignUpdatePayload(
            campaign=None,
            pending_change=None,
            applied_now=None,
            user_errors=user_errors(error, CampaignUserError, CampaignErrorCode),
        )
    pending = result.pending_change
    return CampaignUpdatePayload(
        campaign=Campaign.from_row(result.campaign),
        pending_change=None if pending is None else CampaignPendingChange.from_row(pending),
        applied_now=result.applied_now,
        user_errors=[],
    )
