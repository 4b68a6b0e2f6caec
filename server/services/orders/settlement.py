"""Settlement: a delivered line's commission becomes final once its market's window after delivery has passed.

`settle_due_lines` is safe to run in several processes at once: candidates are claimed with
FOR UPDATE SKIP LOCKED (PostgreSQL) and settled by a conditional UPDATE (still DELIVERED, still due) that bumps
the line's version, in the same transaction as the ledger postings — a line is settled, and posted, once.
FROZEN lines are not DELIVERED, so they wait; once released they are DELIVERED again and settle on the next
run. Cancelled and refunded lines never settle (their commission is already 0). The sweeper
(server/services/sweeper.py) runs it on every tick of every server process.
"""

from __future__ import annotations

from sqlalchemy import select, update

from server import models
from server.models.enums import LedgerPhase, OrderLineStatus
from server.runtime import Runtime
from server.services.orders import ledger
from server.services.orders.commission import is_attributed
from server.services.orders.line_events import SETTLED, CommissionChanges, publish_line_changes
from server.services.unit_of_work import UnitOfWork, begin_writing

Line = models.OrderLine
BATCH = 500


async def settle_due_lines(rt: Runtime, *, batch: int = BATCH) -> int:
    """Settles every line due at rt.clock.now(); returns how many this call settled."""
    settled = 0
    while True:
        claimed, won = await _settle_batch(rt, batch)
        settled += won
        if claimed < batch:
            return settled


async def _settle_batch(rt: Runtime, batch: int) -> tuple[int, int]:
    now = rt.clock.now()
    due = (Line.status == OrderLineStatus.DELIVERED, Line.settle_after <= now)
    async with UnitOfWork(rt) as uow:
        await begin_writing(uow)
        s = uow.session
        candidates = list(
            await s.scalars(
                select(Line.id)
                .where(*due)
                .order_by(Line.settle_after, Line.id)
                .limit(batch)
                .with_for_update(skip_locked=True)
            )
        )
        if not candidates:
            return 0, 0
        won = list(
            await s.scalars(
                update(Line)
                .where(Line.id.in_(candidates), *due)
                .values(
                    status=OrderLineStatus.SETTLED, settled_at=now, updated_at=now, version=Line.version + 1
                )
                .returning(Line.id)
                .execution_options(synchronize_session=False)
            )
        )
        if not won:
            return len(candidates), 0
        rows = (
            await s.execute(
                select(Line, models.Order.shop_id, models.Order.market)
                .join(models.Order, models.Order.id == Line.order_id)
                .where(Line.id.in_(won))
                .execution_options(populate_existing=True)
            )
        ).all()
        reasons: dict[int, str | dict[LedgerPhase, str]] = {}
        money: list[tuple[models.OrderLine, int]] = []
        for line, shop_id, market in rows:
            if is_attributed(line):
                days = rt.settings.settlement_window_days[market.value]
                reasons[line.id] = {
                    LedgerPhase.ESTIMATED: "Settlement: the estimate is released",
                    LedgerPhase.SETTLED: f"Settled: actual commission, {days} days after delivery ({market.value})",
                }
                money.append((line, shop_id))
        await ledger.reconcile(s, money, reasons, now)
        publish_line_changes(
            uow,
            [(line, shop_id) for line, shop_id, _ in rows],
            {line: CommissionChanges().add(SETTLED) for line, _, _ in rows},
        )
    return len(candidates), len(won)
