"""One settings object, read from the environment (prefix MATCHUP_) and passed explicitly."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-only-change-me-0123456789abcdef"
# Days after delivery before an order line's commission settles (DOMAIN.md); a market not listed: 7.
DEFAULT_SETTLEMENT_WINDOW_DAYS = {"ID": 15, "MY": 7, "PH": 7, "TH": 7, "VN": 7, "GB": 7, "US": 15}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MATCHUP_", env_file=".env", extra="ignore")

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = Field(default=None, description="Base URL printed at start-up and used in share links")

    # Embedded default: a SQLite file under var/ and the in-process broker.
    database_url: str = f"sqlite+aiosqlite:///{ROOT / 'var' / 'matchup.db'}"
    redis_url: str | None = None
    broker_queue_size: int = 256

    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    session_ttl_hours: int = 24 * 14
    cookie_name: str = "matchup_session"
    cookie_secure: bool = False

    login_max_failures: int = 5
    login_failure_window_minutes: int = 15

    graphql_ide: bool | None = None  # None: on in dev, off otherwise
    graphql_max_depth: int = 12
    graphql_max_aliases: int = 30
    graphql_max_tokens: int = 5000
    graphql_cache_size: int = 512

    # Per market, merged over the defaults: MATCHUP_SETTLEMENT_WINDOW_DAYS='{"VN": 3}' changes VN only.
    settlement_window_days: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_SETTLEMENT_WINDOW_DAYS))

    # How often each server process carries out what the clock made due (server/services/sweeper.py: campaign
    # changes, registrations of ended campaigns, creator rate decreases, overdue samples, settlement), in seconds;
    # 0: never. Reads apply due campaign changes themselves; the sweeper catches the rest.
    sweep_interval_seconds: float = Field(default=5, ge=0)
    # orderLines.totalCount when the rollups cannot answer the filter: lines are counted up to this many.
    order_lines_count_cap: int = Field(default=10_000, ge=1)

    # Bank transfers are simulated (server/services/finance/payouts.py): a payout to an account whose number ends
    # in these four digits fails, so that FAILED and its retry can be shown and tested; "": none fails.
    payout_failing_account_ending: str = Field(default="0000", pattern=r"^(\d{4})?$")

    # The demo's order simulator (server/simulator.py), started by `python -m server run` unless --no-simulator:
    # signed order events through /integrations/orders, one every min..max seconds.
    simulator: Literal["on", "off"] = "on"
    simulator_min_interval_seconds: float = Field(default=1, gt=0)
    simulator_max_interval_seconds: float = Field(default=3, gt=0)

    web_dist: Path = ROOT / "web" / "dist"
    log_level: str = "INFO"

    @field_validator("settlement_window_days")
    @classmethod
    def _settlement_windows(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = set(value) - set(DEFAULT_SETTLEMENT_WINDOW_DAYS)
        if unknown:
            raise ValueError(f"unknown markets {sorted(unknown)}; markets are {sorted(DEFAULT_SETTLEMENT_WINDOW_DAYS)}")
        if any(not 0 <= days <= 365 for days in value.values()):
            raise ValueError("settlement windows are 0..365 days")
        return {**DEFAULT_SETTLEMENT_WINDOW_DAYS, **value}

    @model_validator(mode="after")
    def _simulator_interval(self) -> Settings:
        if self.simulator_min_interval_seconds > self.simulator_max_interval_seconds:
            raise ValueError("MATCHUP_SIMULATOR_MIN_INTERVAL_SECONDS is more than the MAX")
        return self

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.env != "dev" and self.secret_key.get_secret_value() == DEFAULT_SECRET:
            raise ValueError("MATCHUP_SECRET_KEY must be set to a non-default value outside dev")
        if len(self.secret_key.get_secret_value()) < 32:
            raise ValueError("MATCHUP_SECRET_KEY must be at least 32 characters")
        if self.database_url.startswith("postgresql://") or self.database_url.startswith("postgres://"):
            self.database_url = "postgresql+asyncpg://" + self.database_url.split("://", 1)[1]
        return self

    @property
    def ide_enabled(self) -> bool:
        return self.env == "dev" if self.graphql_ide is None else self.graphql_ide

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
