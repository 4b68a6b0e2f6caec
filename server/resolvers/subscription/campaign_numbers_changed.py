from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server.authz.decisions import row_scope
from server.events import channels
from server.ids import decode_id
from server.models.enums import Role
from server.schema.context import Info
from server.schema.types.campaign import Campaign
from server.schema.types.performance import CampaignNumbersChange
from server.services.performance import live


async def subscribe_campaign_numbers_changed(
    info: Info,
    campaign_id: strawberry.ID,
) -> AsyncGenerator[CampaignNumbersChange, None]:
    """A thin event whenever the campaign's figures the viewer sees may have changed (orders, commission,
    registration statuses, samples), at most one per live.NUMBERS_INTERVAL. A seller listens to its own shop's
    order lines, registrations and shippable samples only, so other sellers' sales never reach it, not even as
    timing. Nothing for a campaign the viewer cannot see."""
    ctx = info.context
    principal = ctx.principal
    assert principal is not None  # the policy gate lets only agencies, sellers and operators in
    pk = decode_id(campaign_id, "Campaign")
    if await ctx.loaders.campaign_by_id.load(pk) is None:
        return
    org = principal.organisation_id
    if principal.role is Role.SELLER:
        names = [channels.order_lines_of_shop(org), channels.registrations_of_shop(org)]
    else:
        names = [channels.campaign_numbers(pk), channels.registrations_of_campaign(pk)]
    if principal.role is not Role.OPERATOR:
        names.append(channels.samples_of_org(org))
    scopes = {
        "registrations": row_scope("Registration", principal),
        "samples": row_scope("SampleRequest", principal),
    }
    async with ctx.rt.broker.subscribe(*names) as events:
        async for batch in live.coalesced(events, live.NUMBERS_INTERVAL):
            if not await live.touches_campaign(ctx.rt, pk, batch, **scopes):
                continue
            # Thin event: the campaign re-read through the viewer's row scope, per event.
            row = await ctx.loaders.campaign_by_id.load(pk)
            if row is not None:
                yield CampaignNumbersChange(campaign=Campaign.from_row(row), at=ctx.rt.clock.now())
