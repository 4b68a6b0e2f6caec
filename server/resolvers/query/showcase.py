from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.models.enums import ShowcaseStatus
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.showcase import ShowcaseEntry


async def resolve_showcase(
    info: Info,
    first: int = 20,
    after: str | None = None,
    status: list[ShowcaseStatus] | None = None,
) -> Connection[ShowcaseEntry]:
    """The creator's own entries, newest first."""
    stmt = select(models.ShowcaseEntry).where(row_scope("ShowcaseEntry", info.context.principal))
    if status:
        stmt = stmt.where(models.ShowcaseEntry.status.in_(status))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.ShowcaseEntry.added_at,
        pk=models.ShowcaseEntry.id,
        descending=True,
        first=first,
        after=after,
        wrap=ShowcaseEntry.from_row,
    )
