"""bench/fanout.py still runs (a few subscribers, one worker, not timed): it cannot rot."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.plugins.servers import ROOT, free_port
from tests.plugins.services import PG_URL, REDIS_URL, need


def test_the_fanout_benchmark_runs() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    run = subprocess.run(
        [
            sys.executable,
            "bench/fanout.py",
            "--subscribers",
            "12",
            "--per-socket",
            "5",
            "--rounds",
            "2",
            "--single-only",
            "--matchup-port",
            str(free_port()),
            "--minimal-port",
            str(free_port()),
        ],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "12 subscriptions on 3 sockets (5 each)" in run.stdout
    assert "matchup  delivered 12–12 of 12" in run.stdout and "minimal  delivered 12–12 of 12" in run.stdout
    assert "ratio Matchup / minimal" in run.stdout
