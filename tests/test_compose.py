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
        [binary, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"], env={**clean, **env},
        capture_output=True, text=True, cwd=ROOT,
    )


def test_compose_file_is_valid_with_secrets() -> None:
    result = _compose({"POSTGRES_PASSWORD": "pw", "MATCHUP_SECRET_KEY": "k" * 40})
    assert result.returncode == 0, result.stderr


def test_compose_refuses_to_start_without_secrets() -> None:
    result = _compose({})
    assert result.returncode != 0
    assert "POSTGRES_PASSWORD is required" in result.stderr or "MATCHUP_SECRET_KEY is required" in result.stderr
