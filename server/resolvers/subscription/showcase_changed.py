from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.showcase import ShowcaseEntry


async def subscribe_showcase_changed(info: Info) -> AsyncGenerator[ShowcaseEntry, None]:
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.showcase_of_creator(ctx.principal.organisation_id)) as events:
        async for event in events:
            # Thin event: re-read through the creator's row scope.
            row = await ctx.loaders.showcase_entry_by_id.load(event["id"])
            if row is not None:
                yield ShowcaseEntry.from_row(row)
