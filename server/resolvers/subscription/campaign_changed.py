from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry

from server.auth.principal import Principal
from server.events import channels
from server.ids import decode_id, encode_id
from server.models.enums import CampaignChangeKind, Role
from server.runtime import Runtime
from server.schema.context import Info
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_ops import CampaignChange
from server.services.campaign_events import REGISTERED_SELLER_KINDS, registered_in, was_on_marketplace_of


async def subscribe_campaign_changed(
    info: Info, campaign_id: strawberry.ID | None = None
) -> AsyncGenerator[CampaignChange, None]:
    """An agency hears every change of its campaigns; a seller the marketplace changes of its market's campaigns
    it may see after the change (each re-read through its row scope: a campaign it may not see yields nothing),
    the UNPUBLISHED that takes one off its marketplace, and the changes scheduled and cancelled in a campaign it
    registered in.
    With campaignId, one campaign only (nothing when the viewer cannot see it)."""
    ctx = info.context
    principal = ctx.principal
    assert principal is not None  # the policy gate lets only agencies and sellers in
    campaign_pk = None if campaign_id is None else decode_id(campaign_id, "Campaign")
    if campaign_pk is not None and await ctx.loaders.campaign_by_id.load(campaign_pk) is None:
        return
    if principal.role is Role.AGENCY:
        channel = channels.campaigns_of_agency(principal.organisation_id)
    else:
        row = await ctx.loaders.shop_by_id.load(principal.organisation_id)
        if row is None:
            return
        channel = channels.campaigns_of_market(row[0].market.value)
    async with ctx.rt.broker.subscribe(channel) as events:
        async for event in events:
            if campaign_pk is not None and event["id"] != campaign_pk:
                continue
            kind = CampaignChangeKind(event["kind"])
            row = await ctx.loaders.campaign_by_id.load(event["id"])
            if row is None and not await _hears_without_seeing(ctx.rt, principal, kind, event["id"]):
                continue  # not visible to this viewer
            if (
                row is not None
                and principal.role is Role.SELLER
                and kind in REGISTERED_SELLER_KINDS
                and not await registered_in(ctx.rt, event["id"], principal.organisation_id)
            ):
                continue  # a scheduled change is news to the sellers whose campaign history shows it
            yield CampaignChange(
                campaign=None if row is None else Campaign.from_row(row),
                campaign_id=encode_id("Campaign", event["id"]),
                kind=kind,
                at=datetime.fromisoformat(event["at"]),
            )


async def _hears_without_seeing(
    rt: Runtime, principal: Principal, kind: CampaignChangeKind, campaign_id: int
) -> bool:
    """A change the viewer hears of by id alone: the agency its deleted drafts, a seller the unpublishing of a
    campaign its marketplace showed."""
    if principal.role is Role.AGENCY:
        return kind is CampaignChangeKind.DELETED
    return kind is CampaignChangeKind.UNPUBLISHED and await was_on_marketplace_of(
        rt, campaign_id, principal.organisation_id
    )
