from __future__ import annotations

from server.resolvers.campaign_inputs import to_campaign_input
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignCreateInput
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignPayload, CampaignUserError
from server.services import campaigns
from server.services.errors import DomainError, DomainErrors


async def resolve_campaign_create(info: Info, input: CampaignCreateInput) -> CampaignPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        row = await campaigns.create(info.context.rt, principal, input.market, to_campaign_input(input))
    except (DomainError, DomainErrors) as error:
        return CampaignPayload(
            campaign=None, user_errors=user_errors(error, CampaignUserError, CampaignErrorCode)
        )
    return CampaignPayload(campaign=Campaign.from_row(row), user_errors=[])
