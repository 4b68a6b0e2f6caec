"""Order ingestion helpers: table counts, lines and ledger sums (the fixtures are in tests/plugins/orders.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from server import models
from server.runtime import Runtime

STORED = (models.Order, models.OrderLine, models.OrderEvent, models.LedgerEntry)


async def stored(rt: Runtime) -> dict[str, int]:
    """How many rows ingestion has written, per table."""
    async with rt.sessionmaker() as s:
        return {m.__tablename__: await s.scalar(select(func.count()).select_from(m)) for m in STORED}


async def lines_of(rt: Runtime, platform_order_id: str) -> list[models.OrderLine]:
    async with rt.sessionmaker() as s:
        return list(
            await s.scalars(
                select(models.OrderLine)
                .join(models.Order, models.Order.id == models.OrderLine.order_id)
                .where(models.Order.platform_order_id == platform_order_id)
                .order_by(models.OrderLine.id)
            )
        )


async def ledger_of(rt: Runtime, line_id: int) -> dict[tuple[str, str], int]:
    """{(phase, account): sum} of one line's legs, zero sums left out."""
    async with rt.sessionmaker() as s:
        rows = await s.execute(
            select(
                models.LedgerEntry.phase,
                models.LedgerEntry.account,
                func.sum(models.LedgerEntry.amount_minor),
            )
            .where(models.LedgerEntry.order_line_id == line_id)
            .group_by(models.LedgerEntry.phase, models.LedgerEntry.account)
        )
        return {(phase.value, account.value): int(total) for phase, account, total in rows if total}
