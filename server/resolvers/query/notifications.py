from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.notification import Notification


async def resolve_notifications(
    info: Info,
    first: int = 20,
    after: str | None = None,
    unread_only: bool = False,
) -> Connection[Notification]:
    stmt = select(models.Notification).where(row_scope("Notification", info.context.principal))
    if unread_only:
        stmt = stmt.where(models.Notification.read_at.is_(None))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.Notification.created_at,
        pk=models.Notification.id,
        descending=True,
        first=first,
        after=after,
        wrap=Notification.from_row,
    )
