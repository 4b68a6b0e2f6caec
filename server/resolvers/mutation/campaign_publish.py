from __future__ import annotations

from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignPublishInput
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignPayload, CampaignUserError
from server.services import campaigns
from server.services.errors import DomainError


async def resolve_campaign_publish(info: Info, input: CampaignPublishInput) -> CampaignPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        row = await campaigns.set_published(
            info.context.rt, principal, decode_id(input.id, "Campaign"), input.published
        )
    except DomainError as error:
        return CampaignPayload(
            campaign=None, user_errors=user_errors(error, CampaignUserError, CampaignErrorCode)
        )
    return CampaignPayload(campaign=Campaign.from_row(row), user_errors=[])
