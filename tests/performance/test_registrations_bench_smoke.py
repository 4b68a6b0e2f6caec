"""bench/registrations_page.py still runs (no load, not timed): its seed, both servers, and the plain endpoint
answering byte-identical JSON to the registrations page (20 and 100 rows) and to { __typename }."""

from __future__ import annotations

from bench.registrations_page import run
from tests.plugins.servers import free_port
from tests.plugins.services import PG_URL, need


def test_the_registrations_benchmark_runs_and_both_sides_agree() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    report = run(
        PG_URL, registrations=30, duration=1, rounds=0, port=free_port(), keep=False
    )  # raises on a mismatch
    assert "30 registrations" in report
