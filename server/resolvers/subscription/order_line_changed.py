from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.orders import OrderLine


async def subscribe_order_line_changed(info: Info) -> AsyncGenerator[OrderLine, None]:
    """The seller's shop's lines as they change, product level: re-read per event through the seller's row scope
    and field rules (never the creator or the split)."""
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.order_lines_of_shop(ctx.principal.organisation_id)) as events:
        async for event in events:
            view = await ctx.loaders.orders.line_by_id.load(event["orderLineId"])
            if view is not None:
                yield OrderLine.from_view(view)
