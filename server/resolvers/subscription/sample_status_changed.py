from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.sample import SampleRequest


async def subscribe_sample_status_changed(info: Info) -> AsyncGenerator[SampleRequest, None]:
    """Changes of sample requests that concern the viewer's organisation: as the creator, the campaign's agency or
    the product's seller. Each event is re-read through the viewer's own row scope and field rules, so the agency
    never gets the address and the seller never gets the creator (nor a request before it is approved)."""
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.samples_of_org(ctx.principal.organisation_id)) as events:
        async for event in events:
            row = await ctx.loaders.sample_request_by_id.load(event["id"])
            if row is not None:
                yield SampleRequest.from_row(row)
