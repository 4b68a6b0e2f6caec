from __future__ import annotations

from collections.abc import AsyncGenerator

from server.events import channels
from server.schema.context import Info
from server.schema.types.notification import Notification


async def subscribe_notification_received(info: Info) -> AsyncGenerator[Notification, None]:
    ctx = info.context
    assert ctx.principal is not None
    async with ctx.rt.broker.subscribe(channels.notifications(ctx.principal.organisation_id)) as events:
        async for event in events:
            # Thin event: re-read through the viewer's row scope (a notification for another user is skipped).
            row = await ctx.loaders.notification_by_id.load(event["id"])
            if row is not None:
                yield Notification.from_row(row)
