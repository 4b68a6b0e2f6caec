"""Filling the rollups from the order lines and ledger legs already stored (the migration that adds them, and
data loaded around the services, e.g. by COPY in bench/). Runs on a synchronous connection, order by order in
chunks of order ids, with the same per-order arithmetic as upkeep."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select

from server.models.rollup import METRICS, ROLLUP_TABLES, rollup_lines
from server.models.rollup_forecast import OPEN_TABLES
from server.services.rollups import open_amounts
from server.services.rollups.upkeep import (
    CHUNK,
    GRAINS,
    Line,
    figures_of,
    legs_query,
    lines_query,
    order_rows,
)

ORDERS_PER_CHUNK = 20_000


def backfill(conn: Connection) -> int:
    """Replaces every rollup with what the stored lines and legs add up to; returns the lines counted."""
    # The forecast's aggregate only once its migration (0013) made it: older migrations call this too.
    with_open = inspect(conn).has_table(OPEN_TABLES[0].name)
    for table in (*ROLLUP_TABLES, rollup_lines, *(OPEN_TABLES if with_open else ())):
        conn.execute(delete(table))
    totals: list[dict[tuple[Any, ...], dict[str, Any]]] = [{} for _ in GRAINS]
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
        bounds = (Line.order_id >= ids[0], Line.order_id <= ids[-1])
        lines = list(
            conn.execute(lines_query(select(Line.order_id).where(*bounds)).order_by(Line.id)).mappings()
        )
        legs = conn.execute(legs_query(select(Line.id).where(*bounds, Line.campaign_id.is_not(None))))
        rows = figures_of(lines, legs)
        counted += len(rows)
        open_amounts.open_sums(rows, 1, open_sums)
        for start in range(0, len(rows), CHUNK * 4):
            conn.execute(insert(rollup_lines), rows[start : start + CHUNK * 4])
        by_order: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_order[row["order_id"]].append(row)
        for grain, total in zip(GRAINS, totals, strict=True):
            for order_lines in by_order.values():
                for key, figures in order_rows(order_lines, grain).items():
                    acc = total.get(key)
                    if acc is None:
                        line = next(line for line in order_lines if grain.key(line) == key)
                        acc = total[key] = dict.fromkeys(METRICS, 0)
                        acc.update({c: line[c] for c in grain.extra})
                        acc.update(zip(grain.keys, key, strict=True))
                    for m in METRICS:
                        acc[m] += figures[m]
    for grain, total in zip(GRAINS, totals, strict=True):
        rows = list(total.values())
        for start in range(0, len(rows), CHUNK * 4):
            conn.execute(insert(grain.table), rows[start : start + CHUNK * 4])
    for table, rows in open_amounts.rows_of(open_sums).items() if with_open else ():
        for start in range(0, len(rows), CHUNK * 4):
            conn.execute(insert(table), rows[start : start + CHUNK * 4])
    return counted
