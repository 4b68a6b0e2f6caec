from __future__ import annotations

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.models.enums import BillStatus
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.finance import PaymentBill


async def resolve_bills(
    info: Info,
    first: int = 20,
    after: str | None = None,
    status: list[BillStatus] | None = None,
    period: str | None = None,
) -> Connection[PaymentBill]:
    """A payee's own bills, every bill for an operator; latest period first."""
    stmt = select(models.PaymentBill).where(row_scope("PaymentBill", info.context.principal))
    if status:
        stmt = stmt.where(models.PaymentBill.status.in_(status))
    if period is not None:
        stmt = stmt.where(models.PaymentBill.period == period.strip())
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.PaymentBill.period,
        pk=models.PaymentBill.id,
        descending=True,
        first=first,
        after=after,
        wrap=PaymentBill.from_row,
    )
