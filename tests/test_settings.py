"""Settings: embedded defaults, production refuses default secrets, .env.example documents everything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from server.settings import DEFAULT_SECRET, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_are_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(__import__("os").environ):
        if key.startswith("MATCHUP_"):
            monkeypatch.delenv(key)
    settings = Settings(_env_file=None)
    assert settings.env == "dev" and settings.is_sqlite and "var/matchup.db" in settings.database_url
    assert settings.redis_url is None and settings.ide_enabled


@pytest.mark.parametrize("env", ["test", "prod"])
def test_outside_dev_the_default_secret_is_refused(env: str) -> None:
    with pytest.raises(ValidationError, match="MATCHUP_SECRET_KEY must be set"):
        Settings(_env_file=None, env=env, secret_key=DEFAULT_SECRET)
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(_env_file=None, env=env, secret_key="short")
    assert Settings(_env_file=None, env=env, secret_key="x" * 40).ide_enabled is False


def test_postgres_urls_are_normalised_to_asyncpg() -> None:
    settings = Settings(_env_file=None, database_url="postgresql://u@db:5432/matchup")
    assert settings.database_url == "postgresql+asyncpg://u@db:5432/matchup"


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^(MATCHUP_[A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    expected = {f"MATCHUP_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_the_served_address_is_the_one_share_links_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m server serve --port N`: the app (which reads its settings in the server process) must build
    share-link URLs with port N, not the default."""
    import server.__main__ as cli
    from server.settings import get_settings

    served: list[tuple[str, int]] = []
    monkeypatch.setattr(cli, "_serve", lambda host, port, workers, banner: served.append((host, port)))
    monkeypatch.delenv("MATCHUP_PUBLIC_URL", raising=False)
    monkeypatch.setenv("MATCHUP_HOST", "127.0.0.1")
    monkeypatch.setenv("MATCHUP_PORT", "8000")
    get_settings.cache_clear()
    try:
        cli.main(["serve", "--port", "8123"])
        assert served == [("127.0.0.1", 8123)]
        assert get_settings().base_url == "http://127.0.0.1:8123"
    finally:
        get_settings.cache_clear()
