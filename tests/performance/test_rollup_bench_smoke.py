"""bench/dashboard_rollups.py still runs (tiny sizes, not timed): it cannot rot."""

from __future__ import annotations

from bench.dashboard_rollups import dashboard, upkeep_cost
from tests.plugins.services import PG_URL, need


async def test_the_dashboard_page_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    timings = await dashboard(PG_URL, [300], rounds=2, port=0)
    assert len(timings[300]["page"]) == 2 and len(timings[300]["bare"]) == 2


async def test_the_upkeep_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    timings = await upkeep_cost(PG_URL, events=40, rounds=4, batch=20, concurrency=2)
    assert len(timings["with upkeep"]) == 2 and len(timings["without"]) == 2
