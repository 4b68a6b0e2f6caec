"""bench/ops_overhead.py still runs (a few events, not timed), and its "on" rounds really write webhook messages
while the others write none: it cannot rot, and it measures what it says."""

from __future__ import annotations

from bench.ops_overhead import describe, run
from server.observability import metrics
from server.services import unit_of_work
from server.webhooks import outbox
from tests.plugins.services import PG_URL, need


async def test_the_overhead_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    report = await run(PG_URL, events=240, rounds=2, batch=40, concurrency=1)
    assert report["events"] == 240 and report["statuses"] == {"applied": 240}
    # Only the 80 events of the "on" rounds raise commission messages: one per change of a line's commission and
    # party (104 today); the three configurations together would write about three times as many.
    assert 0 < report["messages"] <= 3 * 80
    assert all(len(report["rates"][c]) == 2 and len(report["cpu"][c]) == 2 for c in ("bare", "off", "on"))
    assert all(process > 0 for runs in report["cpu"].values() for process, _ in runs)
    assert "on/bare" in describe(report) and "on/bare CPU per event" in describe(report)
    assert unit_of_work.outbox is outbox and metrics.switch.on is False  # restored
