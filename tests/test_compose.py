"""docker-compose.yml is valid and requires its secrets (checked offline with Debian's docker-compose)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _compose(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("docker-compose")
    if binary is None:
        if os.environ.get("MATCHUP_REQUIRE_SERVICES") == "1":
            pytest.fail("docker-compose is required in CI (apt-get install docker-compose)")
        pytest.skip("docker-compose not installed")
    clean = {k: v for k, v in os.environ.items() if k not in ("POSTGRES_PASSWORD", "MATCHUP_SECRET_KEY")}
    return subprocess.run(
        [binary, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_compose_file_is_valid_with_secrets() -> None:
    result = _compose({"POSTGRES_PASSWORD": "pw", "MATCHUP_SECRET_KEY": "k" * 40})
    assert result.returncode == 0, result.stderr


def test_compose_refuses_to_start_without_secrets() -> None:
    result = _compose({})
    assert result.returncode != 0
    assert (
        "POSTGRES_PASSWORD is required" in result.stderr or "MATCHUP_SECRET_KEY is required" in result.stderr
    )


def test_the_monitoring_profile_is_valid() -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        if os.environ.get("MATCHUP_REQUIRE_SERVICES") == "1":
            pytest.fail("docker-compose is required in CI (apt-get install docker-compose)")
        pytest.skip("docker-compose not installed")
    env = {**os.environ, "POSTGRES_PASSWORD": "pw", "MATCHUP_SECRET_KEY": "k" * 40}
    result = subprocess.run(
        [binary, "-f", str(ROOT / "docker-compose.yml"), "--profile", "monitoring", "config"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    for service in (
        "prometheus:",
        "grafana:",
        "deploy/prometheus/prometheus.yml",
        "deploy/grafana/dashboards",
    ):
        assert service in result.stdout


def test_the_grafana_dashboard_charts_only_metrics_the_server_exports() -> None:
    import json
    import re

    from prometheus_client import REGISTRY

    import server.observability.metrics  # noqa: F401 - defines the metrics
    from deploy.grafana.make_dashboard import dashboard

    committed = json.loads((ROOT / "deploy" / "grafana" / "dashboards" / "matchup.json").read_text())
    assert committed == dashboard(), "run `python deploy/grafana/make_dashboard.py` and commit the JSON"
    exported = {
        sample
        for family in REGISTRY.collect()
        for sample in [
            family.name,
            f"{family.name}_total",
            f"{family.name}_bucket",
            f"{family.name}_count",
            f"{family.name}_sum",
        ]
    }
    named = {
        name
        for panel in committed["panels"]
        for target in panel["targets"]
        for name in re.findall(r"\bmatchup_[a-z_]+", target["expr"])
    }
    assert len(named) >= 15 and not named - exported, sorted(named - exported)
