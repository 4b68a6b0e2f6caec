from __future__ import annotations

from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaign_ops import CampaignDuplicateInput
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignPayload, CampaignUserError
from server.services import campaign_drafts
from server.services.errors import DomainError, DomainErrors


async def resolve_campaign_duplicate(info: Info, input: CampaignDuplicateInput) -> CampaignPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        row = await campaign_drafts.duplicate(
            info.context.rt,
            principal,
            decode_id(input.id, "Campaign"),
            name=input.name,
            registration_end=input.registration_end,
            campaign_start=input.campaign_start,
            campaign_end=input.campaign_end,
        )
    except (DomainError, DomainErrors) as error:
        return CampaignPayload(
            campaign=None, user_errors=user_errors(error, CampaignUserError, CampaignErrorCode)
        )
    return CampaignPayload(campaign=Campaign.from_row(row), user_errors=[])
