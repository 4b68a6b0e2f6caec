"""Filling the rollups from the order lines and ledger legs already stored (the migration that adds them, and
data loaded around the services, e.g. by COPY in bench/). Runs on a synchronous connection, order by order in
chunks of order ids, with the same per-order arithmetic as upkeep."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, delete, insert, inspect, select

from server.models.rollup import ROLLUP_TABLES, rollup_lines
from server.models.rollup_forecast import OPEN_TABLES
from server.services.rollups import open_amounts
from server.services.rollups.contributions import GRAINS, Line, Totals, by_order, line_figures, lines_query

ORDERS_PER_CHUNK = 20_000
ROWS_PER_INSERT = 2_000


def backfill(conn: Connection) -> int:
    """Replaces every rollup with what the stored lines and legs add up to; returns the lines counted."""
    # The forecast's aggregate only once its migration (0013) made it: older migrations call this too.
    with_open = inspect(conn).has_table(OPEN_TABLES[0].name)
    for table in (*ROLLUP_TABLES, rollup_lines, *(OPEN_TABLES if with_open else ())):
        conn.execute(delete(table))
    totals = Totals()
    counted = 0
    open_sums: open_amounts.Sums = {t: {} for t in OPEN_TABLES}
    after = 0
    while True:
        ids = list(
            conn.scalars(
                select(Line.order_id)
                .where(Line.order_id > after, Line.campaign_id.is_not(None))
                .group_by(Line.order_id)
                .order_by(Line.order_id)
                .limit(ORDERS_PER_CHUNK)
            )
        )
        if not ids:
            break
        after = ids[-1]
        bounds = Line.order_id.between(ids[0], ids[-1])
        rows = [line_figures(row) for row in conn.execute(lines_query(bounds).order_by(Line.id)).mappings()]
        counted += len(rows)
        open_amounts.open_sums(rows, 1, open_sums)
        _insert(conn, rollup_lines, rows)
        for order_lines in by_order(rows).values():
            totals.add_order(order_lines)
    for g, grain in enumerate(GRAINS):
        _insert(conn, grain.table, totals.rows(g))
    for table, rows in open_amounts.rows_of(open_sums).items() if with_open else ():
        _insert(conn, table, rows)
    return counted


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """`rows` into `table`, ROWS_PER_INSERT at a time (SQLite binds at most 32766 parameters per statement)."""
    for start in range(0, len(rows), ROWS_PER_INSERT):
        conn.execute(insert(table), rows[start : start + ROWS_PER_INSERT])
