from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry

from server.events import channels
from server.ids import decode_id
from server.models.enums import RegistrationStatus, Role
from server.schema.context import Info
from server.schema.types.registration import Registration, RegistrationChangeKind, RegistrationStatusChange


async def subscribe_registration_status_changed(
    info: Info,
    campaign_id: strawberry.ID | None = None,
) -> AsyncGenerator[RegistrationStatusChange, None]:
    """An agency hears every change in its campaigns, a seller every change of its own registrations, an
    operator one campaign's (campaignId required). A campaign the viewer cannot see yields nothing."""
    ctx = info.context
    principal = ctx.principal
    assert principal is not None  # the policy gate lets only agencies, sellers and operators in
    campaign_pk = None if campaign_id is None else decode_id(campaign_id, "Campaign")
    if campaign_pk is not None and await ctx.loaders.campaign_by_id.load(campaign_pk) is None:
        return
    if principal.role is Role.AGENCY:
        channel = channels.registrations_of_agency(principal.organisation_id)
    elif principal.role is Role.SELLER:
        channel = channels.registrations_of_shop(principal.organisation_id)
    elif campaign_pk is not None:
        channel = channels.registrations_of_campaign(campaign_pk)
    else:
        return
    async with ctx.rt.broker.subscribe(channel) as events:
        async for event in events:
            if campaign_pk is not None and event.get("campaignId") != campaign_pk:
                continue
            # Thin event: re-read through the viewer's row scope, so visibility applies per event.
            row = await ctx.loaders.registration_by_id.load(event["id"])
            if row is None:
                continue
            yield RegistrationStatusChange(
                registration=Registration.from_row(row),
                from_status=None if event.get("from") is None else RegistrationStatus(event["from"]),
                to_status=RegistrationStatus(event["to"]),
                at=datetime.fromisoformat(event["at"]),
                kind=RegistrationChangeKind(event.get("kind", "STATUS")),
            )
