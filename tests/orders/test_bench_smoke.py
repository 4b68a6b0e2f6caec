"""bench/ingest_orders.py still runs (a few events, not timed): it cannot rot."""

from __future__ import annotations

from bench.ingest_orders import run
from tests.plugins.services import PG_URL, need


async def test_the_ingestion_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    report = await run(PG_URL, events=203, rounds=2, batch=50, concurrency=2)
    assert report.events == 202 and report.statuses == {"applied": 202}  # 101 new events in each of 2 rounds
    assert report.rows["order_events"] == 202 and report.rows["ledger_entries"] > 0
    assert len(report.ingest_seconds) == len(report.bulk_seconds) == len(report.ratios) == 2
    assert all(t > 0 for t in report.ingest_seconds + report.bulk_seconds) and "ingestion / bulk" in str(
        report
    )
