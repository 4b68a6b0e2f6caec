"""Rollup upkeep: in the same transaction as every change to attributed order lines and their ledger legs.

Where it runs: session hooks, so that no writer can forget it. After each flush, the ids of the order lines that
were added or changed and of the lines that got new ledger legs are noted on the session, as are the lines of
legs added by an ORM bulk INSERT; `touch` notes lines changed by a set-based UPDATE (ledger.reconcile_line calls
it for every line it reconciles, as settlement does); just before the transaction commits,
`upkeep` brings the rollups up to date for the orders of those lines, inside that transaction.

How: the figures are state-based, not event-based. For each affected order it reads what its attributed lines
are now (their facts and the sums of their legs, server/services/rollups/contributions.py) and what they
contributed at the last upkeep (`rollup_lines`); an order whose lines are unchanged adds nothing, the others add
the difference to every rollup row they count under — set-based upserts
(INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x), sorted by key, after locking the affected orders in id
order (PostgreSQL), so that concurrent writers neither deadlock nor lose increments, and a retried or repeated
upkeep adds nothing. Distinct counts (paid orders, actual orders) are exact because the unit of difference is
the whole order: "does this order have a paid line under this key" before and after."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Select, delete, event, select
from sqlalchemy.orm import ORMExecuteState, Session

from server.models.rollup import METRICS, rollup_lines
from server.services.bulk_writes import upsert_rows
from server.services.id_arrays import ids_in, ids_param
from server.services.rollups import open_amounts
from server.services.rollups.contributions import (
    FIGURE_COLUMNS,
    GRAINS,
    Entry,
    Line,
    Order,
    Totals,
    by_order,
    line_figures,
    lines_query,
)

INFO_KEY = "matchup_rollup_line_ids"


def touch(session: Session | Any, line_ids: Iterable[int | None]) -> None:
    """Notes lines whose facts changed outside the ORM's view (a set-based UPDATE); upkeep runs at commit."""
    target = getattr(session, "sync_session", session)
    target.info.setdefault(INFO_KEY, set()).update(i for i in line_ids if i is not None)


@cache
def _statements(postgresql: bool) -> tuple[Select[int], Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
    """Upkeep's reads, built once per dialect, the ids bound when they run: the orders of the lines `line_ids`,
    locked in id order; their attributed lines now (`order_ids`); what those contributed at the last upkeep."""
    affected = select(Line.order_id).where(ids_param(postgresql, Line.id, "line_ids"))
    orders = select(Order.id).where(Order.id.in_(affected)).order_by(Order.id).with_for_update()
    lines = lines_query(ids_param(postgresql, Line.order_id, "order_ids"))
    contributed = select(rollup_lines).where(ids_param(postgresql, rollup_lines.c.order_id, "order_ids"))
    return orders, lines, contributed


def upkeep(session: Session, line_ids: Iterable[int]) -> None:
    """Brings every rollup up to date for the orders of `line_ids` (any superset of what changed is fine)."""
    ids = sorted(set(line_ids))
    if not ids:
        return
    # Core reads on the session's connection (its transaction): no ORM result processing of plain columns.
    conn = session.connection()
    orders, lines, contributed = _statements(conn.dialect.name == "postgresql")
    order_ids = list(conn.scalars(orders, {"line_ids": ids}))
    if not order_ids:
        return
    now = [line_figures(row) for row in conn.execute(lines, {"order_ids": order_ids}).mappings()]
    before = [dict(row) for row in conn.execute(contributed, {"order_ids": order_ids}).mappings()]
    old_by_line = {row["line_id"]: row for row in before}
    changed = [row for row in now if old_by_line.get(row["line_id"]) != row]
    now_ids = {row["line_id"] for row in now}
    gone = [row for row in before if row["line_id"] not in now_ids]
    if not changed and not gone:
        return
    # Only the orders with a changed (or gone) line add something; their unchanged lines still count, for the
    # distinct counts. The open amounts are sums over lines: the changed lines' difference is theirs.
    orders_now, orders_before = by_order(now), by_order(before)
    totals = Totals()
    for order_id in sorted({row["order_id"] for row in (*changed, *gone)}):
        totals.add_order(orders_now.get(order_id, ()), orders_before.get(order_id, ()))
    # Every writer takes the rows' locks in one order (no deadlock): the lines' own rows first, the shared ones last.
    upsert_rows(session, rollup_lines, changed, key=["line_id"], replace=FIGURE_COLUMNS)
    if gone:  # a line no longer attributed contributes nothing from now on
        gone_ids = [row["line_id"] for row in gone]
        conn.execute(delete(rollup_lines).where(ids_in(session, rollup_lines.c.line_id, gone_ids)))
    was = [old_by_line[row["line_id"]] for row in changed if row["line_id"] in old_by_line]
    open_amounts.post(session, [*was, *gone], changed)
    for g, grain in enumerate(GRAINS):
        upsert_rows(session, grain.table, totals.rows(g, nonzero=True), key=grain.keys, add=METRICS)


@event.listens_for(Session, "after_flush")
def note_flushed(session: Session, _context: Any) -> None:
    ids: set[int | None] = set()
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Line):
            ids.add(obj.id)
        elif isinstance(obj, Entry):
            ids.add(obj.order_line_id)
    if ids:
        touch(session, ids)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_legs(state: ORMExecuteState) -> None:
    """Legs added by an ORM bulk INSERT (`session.execute(insert(LedgerEntry), rows)`) never reach a flush."""
    mapper = state.bind_mapper
    params = state.parameters
    if state.is_insert and mapper is not None and mapper.class_ is Entry and params:
        rows: Sequence[Mapping[str, Any]] = [params] if isinstance(params, Mapping) else params
        touch(state.session, (row.get("order_line_id") for row in rows))


@event.listens_for(Session, "before_commit")
def upkeep_before_commit(session: Session) -> None:
    session.flush()
    while ids := session.info.pop(INFO_KEY, None):
        upkeep(session, ids)
        session.flush()
