from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.models.dispute import DisputeStatus, DisputeType
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.disputes import Dispute
from server.services import dispute_rules as rules


async def resolve_disputes(
    info: Info,
    first: int = 20,
    after: str | None = None,
    open: bool = True,  # noqa: A002
    status: list[DisputeStatus] | None = None,
    type: list[DisputeType] | None = None,  # noqa: A002
) -> Connection[Dispute]:
    """The viewer's dispute inbox (the operator's: every dispute). Open ones by deadline, the nearest first;
    closed ones by when they closed, the latest first."""
    d = models.Dispute
    stmt = select(d).where(row_scope("Dispute", info.context.principal))
    stmt = stmt.where(d.status.in_(rules.OPEN_STATUSES if open else rules.CLOSED_STATUSES))
    if status:
        stmt = stmt.where(d.status.in_(status))
    if type:
        stmt = stmt.where(d.type.in_(type))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=d.due_at if open else d.closed_at,
        pk=d.id,
        descending=not open,
        first=first,
        after=after,
        wrap=Dispute.from_row,
    )
