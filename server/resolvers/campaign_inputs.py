"""campaignCreate / campaignUpdate input -> the campaigns service's CampaignInput."""

from __future__ import annotations

from server.schema.inputs.campaigns import CampaignCreateInput, CampaignUpdateInput
from server.services.campaign_checks import CampaignInput, Contact, Targeting


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
