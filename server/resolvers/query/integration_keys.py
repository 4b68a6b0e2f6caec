from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.integration_key import IntegrationKey


async def resolve_integration_keys(
    info: Info,
    first: int = 20,
    after: str | None = None,
    include_revoked: bool = False,
) -> Connection[IntegrationKey]:
    """A seller's shop's keys (the operator: every key, the platform's too), newest first."""
    stmt = select(models.IntegrationKey).where(row_scope("IntegrationKey", info.context.principal))
    if not include_revoked:
        stmt = stmt.where(models.IntegrationKey.revoked_at.is_(None))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.IntegrationKey.created_at,
        pk=models.IntegrationKey.id,
        descending=True,
        first=first,
        after=after,
        wrap=IntegrationKey.from_row,
    )
