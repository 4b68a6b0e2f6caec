"""bench/campaign_dashboard.py still runs (tiny sizes, not timed): it cannot rot, and its API and bare SQL agree."""

from __future__ import annotations

from bench.campaign_dashboard import run
from tests.plugins.services import PG_URL, need


async def test_the_dashboard_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    report = await run(
        PG_URL, products=30, creators=40, lines=600, repeat=1
    )  # raises if the two sides disagree
    assert report.rows["order_lines"] == 600 and report.rows["registrations"] == 30
    assert report.rows["ledger_entries"] > 600
    assert report.dashboard_seconds > 0 and report.bare_seconds > 0 and report.series_seconds > 0
    # session, campaign, overview, and the page with its count and its products and bookmarks joined
    assert report.statements == 4
    assert "ratio" in str(report)
