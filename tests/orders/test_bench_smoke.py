"""bench/ingest_orders.py still runs (a few events, not timed): it cannot rot."""

from __future__ import annotations

from bench.ingest_orders import run
from tests.plugins.services import PG_URL, need


async def test_the_ingestion_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    report = await run(PG_URL, events=203, batch=50, concurrency=2)
    assert report.events == 203 and report.statuses == {"applied": 203}
    assert report.rows["order_events"] == 203 and report.rows["ledger_entries"] > 0
    assert report.ingest_seconds > 0 and report.bulk_seconds > 0 and "ratio" in str(report)
