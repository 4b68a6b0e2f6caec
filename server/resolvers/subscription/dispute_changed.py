from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.disputes import Dispute


async def subscribe_dispute_changed(info: Info) -> AsyncGenerator[Dispute, None]:
    """Disputes the viewer's organisation is a party to, as they change (opened, a message, answered, decided,
    expired). Each thin event is re-read through the viewer's row scope and field rules."""
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.disputes_of_org(ctx.principal.organisation_id)) as events:
        async for event in events:
            row = await ctx.loaders.disputes.dispute_by_id.load(event["id"])
            if row is not None:
                yield Dispute.from_row(row)
