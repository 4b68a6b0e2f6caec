from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.orders import OrderLine


async def subscribe_commission_changed(info: Info) -> AsyncGenerator[OrderLine, None]:
    """Lines attributed to the viewer (a creator's own, an agency's campaigns') as they change: created, paid,
    shipped, delivered, refunded, cancelled, frozen, settled. Each thin event is re-read through the viewer's row
    scope and field rules, so a creator gets its own commission only."""
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.commissions_of_org(ctx.principal.organisation_id)) as events:
        async for event in events:
            view = await ctx.loaders.orders.line_by_id.load(event["orderLineId"])
            if view is not None:
                yield OrderLine.from_view(view)
