"""campaignCreate / campaignUpdate input -> the campaigns service's CampaignInput; the CampaignPayload of a change."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from server import models
from server.auth.principal import Principal
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignCreateInput, CampaignUpdateInput
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignPayload, CampaignUserError
from server.services.campaign_checks import CampaignInput, Contact, Targeting
from server.services.errors import DomainError, DomainErrors


def to_campaign_input(data: CampaignCreateInput | CampaignUpdateInput) -> CampaignInput:
    contact = data.contact
    targeting = data.targeting
    return CampaignInput(
        name=data.name,
        description=data.description,
        seller_requirements=data.seller_requirements,
        commission_requirement_bps=data.commission_requirement_bps,
        contact=None
        if contact is None
        else Contact(
            email=contact.email,
            phone=contact.phone,
            messenger=contact.messenger,
            messenger_handle=contact.messenger_handle,
        ),
        registration_start=data.registration_start,
        registration_end=data.registration_end,
        campaign_start=data.campaign_start,
        campaign_end=data.campaign_end,
        targeting=None
        if targeting is None
        else Targeting(
            mode=targeting.mode, shop_codes=targeting.shop_codes, seller_type=targeting.seller_type
        ),
    )


async def campaign_payload(
    info: Info, change: Callable[[Principal], Awaitable[models.Campaign]]
) -> CampaignPayload:
    """The campaign as the agency's `change` leaves it, or the service's refusal as userErrors."""
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        row = await change(principal)
    except (DomainError, DomainErrors) as error:
        return CampaignPayload(
            campaign=None, user_errors=user_errors(error, CampaignUserError, CampaignErrorCode)
        )
    return CampaignPayload(campaign=Campaign.from_row(row), user_errors=[])
