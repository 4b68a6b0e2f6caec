"""bench/registrations_page.py still runs (no load, not timed): its seed, both servers, and the plain endpoint
answering byte-identical JSON to the registrations page (20 and 100 rows) and to { __typename }; and
bench/profile_request.py, its in-process profile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


def test_the_in_process_request_profile_runs() -> None:
    """bench/profile_request.py (seed, the app in process, the page's calls per request) still runs; not timed."""
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    assert PG_URL is not None
    script = Path(__file__).resolve().parents[2] / "bench/profile_request.py"
    argv = [sys.executable, str(script), "--registrations", "6", "--rows", "5", "--requests", "2"]
    out = subprocess.run(
        argv,
        env={**os.environ, "MATCHUP_BENCH_DATABASE_URL": PG_URL},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"function calls per request: [\d,]+", out), out
