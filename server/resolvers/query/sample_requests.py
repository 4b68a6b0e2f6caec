from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.models.enums import SampleStatus
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.sample import SampleRequest


async def resolve_sample_requests(
    info: Info,
    first: int = 20,
    after: str | None = None,
    status: list[SampleStatus] | None = None,
) -> Connection[SampleRequest]:
    """A creator's own requests, an agency's campaigns', a seller's to ship (approved on), newest first."""
    stmt = select(models.SampleRequest).where(row_scope("SampleRequest", info.context.principal))
    if status:
        stmt = stmt.where(models.SampleRequest.status.in_(status))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.SampleRequest.created_at,
        pk=models.SampleRequest.id,
        descending=True,
        first=first,
        after=after,
        wrap=SampleRequest.from_row,
    )
