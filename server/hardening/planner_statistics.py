"""A start-up check of what keeps PostgreSQL's plans right as tables grow: autovacuum, which also ANALYZEs.

With autovacuum off, a table filled after its last ANALYZE has no column statistics; the planner then guesses
half a per cent of the table for each key looked up, and a lookup of a batch's keys (ingestion's idempotency
check, upkeep's order lines) becomes a scan of the whole table, slower with every row. Measured: order ingestion
fell from 1,766 to 615 events/s as its tables grew by 100,000 events. The server keeps serving; it says so once,
at start-up, so that an operator turns autovacuum on or schedules ANALYZE."""

from __future__ import annotations

import logging

from sqlalchemy import text

from server.runtime import Runtime

log = logging.getLogger("matchup.database")

ADVICE = (
    "PostgreSQL runs with autovacuum off: tables are not analyzed as they grow, and lookups by key turn into "
    "scans of whole tables (order ingestion slows down with every stored event). Turn autovacuum on, or run "
    "ANALYZE regularly (docs/operations.md)."
)


async def check_autovacuum(rt: Runtime) -> bool:
    """True when the database keeps its statistics itself (always, on SQLite); warns once otherwise. A database
    that does not answer yet is the readiness probe's to report, not a reason to stop starting."""
    if rt.settings.is_sqlite:
        return True
    try:
        async with rt.engine.connect() as conn:
            on = (await conn.execute(text("SHOW autovacuum"))).scalar_one() == "on"
    except Exception as error:  # noqa: BLE001
        log.warning("could not read PostgreSQL's autovacuum setting: %r", error)
        return True
    if not on:
        log.warning(ADVICE)
    return on
