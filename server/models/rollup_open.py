"""Partial indexes on rollup_lines for the open lines of one party (paid, a sale now, not settled): the earnings
forecast (server/services/insight/forecast.py) reads a creator's, a shop's or a campaign's open lines through them,
so its cost grows with the open lines, not with the party's history."""

from __future__ import annotations

from sqlalchemy import Index, text

from server.models.rollup import rollup_lines

OPEN = "paid = 1 AND sale = 1 AND settled = 0"

OPEN_LINE_INDEXES = tuple(
    Index(
        f"ix_rollup_lines_open_{column}",
        rollup_lines.c[column],
        sqlite_where=text(OPEN),
        postgresql_where=text(OPEN),
    )
    for column in ("creator_id", "shop_id", "campaign_id")
)
