"""One settings object, read from the environment (prefix MATCHUP_) and passed explicitly."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-only-change-me-0123456789abcdef"
# Days after delivery before an order line's commission settles (docs/domain.md); a market not listed: 7.
DEFAULT_SETTLEMENT_WINDOW_DAYS = {"ID": 15, "MY": 7, "PH": 7, "TH": 7, "VN": 7, "GB": 7, "US": 15}
# Days the campaign's agency has to answer a dispute (and then to decide it), per dispute type; merged over.
DEFAULT_DISPUTE_ANSWER_DAYS = {
    "MISSING_ORDER": 14,
    "WRONG_COMMISSION": 14,
    "RATE_NOT_HONOURED": 14,
    "SPLIT_DISPUTED": 14,
    "REJECTION_APPEAL": 7,
    "SAMPLE_NOT_RECEIVED": 7,
    "CONTENT_NOT_POSTED": 7,
}
# API limits (server/limits/, docs/api-limits.md), in query cost units; merged over by the settings below.
DEFAULT_QUERY_COST_LIMIT = {
    "anonymous": 1000,
    "creator": 10000,
    "seller": 10000,
    "agency": 10000,
    "operator": 20000,
}
DEFAULT_RATE_LIMIT_CAPACITY = {
    "anonymous": 5000,
    "creator": 50000,
    "seller": 50000,
    "agency": 50000,
    "operator": 100000,
    "address": 200000,
    "integration_key": 10000,  # integration keys: order events, not cost units
}
DEFAULT_RATE_LIMIT_RESTORE = {
    "anonymous": 250,
    "creator": 1000,
    "seller": 1000,
    "agency": 1000,
    "operator": 2000,
    "address": 5000,
    "integration_key": 200,
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MATCHUP_", env_file=".env", extra="ignore")

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = Field(
        default=None, description="Base URL printed at start-up and used in share links"
    )

    # Embedded default: a SQLite file under var/ and the in-process broker.
    database_url: str = f"sqlite+aiosqlite:///{ROOT / 'var' / 'matchup.db'}"
    redis_url: str | None = None
    broker_queue_size: int = 256
    # Live fan-out: database sessions all live subscriptions together may hold at once (per process), and the
    # results a subscriber may fall behind before its socket is closed with 1013.
    live_db_sessions: int = Field(default=4, ge=1)
    live_queue_size: int = Field(default=64, ge=1)
    # PostgreSQL connections older than this are replaced at checkout (no pre-ping; a dead one is retried once).
    database_pool_recycle_seconds: int = Field(default=1800, ge=1)
    # PostgreSQL connections a process keeps open, at most (every HTTP request holds one while it runs).
    database_pool_size: int = Field(default=20, ge=2)

    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    session_ttl_hours: int = 24 * 14
    # A verified session token is trusted this long in each process (0: every request reads the session); a session
    # that ends leaves every process's cache through the broker at once (server/auth/principal_cache.py).
    principal_cache_seconds: float = Field(default=5, ge=0, le=60)
    cookie_name: str = "matchup_session"
    cookie_secure: bool = False  # also on in prod and whenever public_url is https (session_cookie_secure)

    login_max_failures: int = 5
    login_failure_window_minutes: int = 15
    # Failed logins from one client address (any emails) within the same window before it is refused too.
    login_max_failures_per_address: int = Field(default=50, ge=1)

    # Idempotency-Key header (docs/api-clients.md): how long a key and its answer are kept, and how long a
    # duplicate waits for the first request with its key to finish before IDEMPOTENCY_KEY_IN_USE.
    idempotency_key_ttl_hours: int = Field(default=24, ge=1)
    idempotency_wait_seconds: float = Field(default=5, ge=0)

    graphql_ide: bool | None = None  # None: on in dev, off otherwise
    graphql_max_depth: int = 12
    graphql_max_aliases: int = 30
    graphql_max_tokens: int = 5000
    graphql_cache_size: int = 512
    # Connections' totalCount counts at most this many rows (a bounded scan per request).
    total_count_cap: int = Field(default=10_000, ge=1)
    # gc.freeze() after start-up and higher collection thresholds (server/gc_tuning.py).
    gc_tuning: bool = True

    # Production defaults and input limits (server/hardening/, docs/http.md).
    graphql_introspection: bool | None = None  # None: on in dev, off otherwise
    graphql_suggestions: bool | None = (
        None  # "Did you mean …" in error messages; None: on in dev, off otherwise
    )
    graphql_max_list_length: int = Field(default=100, ge=1)  # items in any input list without its own cap
    max_body_bytes: int = Field(
        default=1024 * 1024, ge=1024
    )  # request bodies (the order endpoint has its own)
    content_security_policy: str = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
    referrer_policy: str = "strict-origin-when-cross-origin"
    hsts_max_age_seconds: int = Field(default=31_536_000, ge=0)  # sent when public_url is https; 0: never
    readiness_timeout_seconds: float = Field(
        default=2, gt=0
    )  # /readyz: how long the database may take to answer
    # API limits (docs/api-limits.md). Per role (anonymous, creator, seller, agency, operator), merged over the
    # defaults above: MATCHUP_QUERY_COST_LIMIT='{"seller": 5000}' changes the seller's only. Rate limits are leaky
    # buckets of cost per principal, per client address and per integration key (order events), kept in Redis
    # under rate_limit_redis_prefix when MATCHUP_REDIS_URL is set, else in memory.
    query_cost_limit: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_QUERY_COST_LIMIT))
    request_timeout_seconds: float = Field(default=10, gt=0)
    rate_limit_capacity: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_RATE_LIMIT_CAPACITY))
    rate_limit_restore_per_second: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_RATE_LIMIT_RESTORE)
    )
    rate_limit_redis_prefix: str = "matchup:rate:"

    # Per market, merged over the defaults: MATCHUP_SETTLEMENT_WINDOW_DAYS='{"VN": 3}' changes VN only.
    settlement_window_days: dict[str, int] = Field(
        default_factory=lambda: dict(DEFAULT_SETTLEMENT_WINDOW_DAYS)
    )
    # Per dispute type, merged over the defaults: MATCHUP_DISPUTE_ANSWER_DAYS='{"REJECTION_APPEAL": 3}'.
    dispute_answer_days: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_DISPUTE_ANSWER_DAYS))

    # How often each server process carries out what the clock made due (server/services/sweeper.py: campaign
    # changes, registrations of ended campaigns, creator rate decreases, overdue samples, settlement), in seconds;
    # 0: never. Reads apply due campaign changes themselves; the sweeper catches the rest.
    sweep_interval_seconds: float = Field(default=5, ge=0)

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
    # Operations (docs/operations.md): log lines as JSON or text (auto: text in dev, JSON otherwise); /metrics
    # served only with a token (a scraper sends `Authorization: Bearer <token>`); traces over OTLP/HTTP only with
    # an endpoint (e.g. http://collector:4318/v1/traces).
    log_format: Literal["auto", "json", "text"] = "auto"
    metrics_token: SecretStr | None = None
    otlp_endpoint: str | None = None
    otel_service_name: str = "matchup"
    # Outbound webhooks (docs/webhooks.md): how often each process looks for due deliveries (0: never), the
    # receiver's time limit, and how long a message is retried before its endpoint is disabled.
    webhook_poll_seconds: float = Field(default=1, ge=0)
    webhook_timeout_seconds: float = Field(default=10, gt=0)
    webhook_retry_hours: float = Field(default=24, gt=0)
    # Endpoints on loopback or private addresses: refused in prod unless allowed (they reach internal services).
    webhook_allow_private_urls: bool | None = None

    @field_validator("metrics_token", "otlp_endpoint", mode="before")
    @classmethod
    def _empty_means_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator(
        "graphql_ide",
        "graphql_introspection",
        "graphql_suggestions",
        "webhook_allow_private_urls",
        mode="before",
    )
    @classmethod
    def _empty_means_default(cls, value: object) -> object:
        return None if value == "" else value  # `MATCHUP_GRAPHQL_IDE=` as in .env.example: the env's default

    @field_validator("settlement_window_days")
    @classmethod
    def _settlement_windows(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = set(value) - set(DEFAULT_SETTLEMENT_WINDOW_DAYS)
        if unknown:
            raise ValueError(
                f"unknown markets {sorted(unknown)}; markets are {sorted(DEFAULT_SETTLEMENT_WINDOW_DAYS)}"
            )
        if any(not 0 <= days <= 365 for days in value.values()):
            raise ValueError("settlement windows are 0..365 days")
        return {**DEFAULT_SETTLEMENT_WINDOW_DAYS, **value}

    @field_validator("dispute_answer_days")
    @classmethod
    def _dispute_answer_days(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = set(value) - set(DEFAULT_DISPUTE_ANSWER_DAYS)
        if unknown:
            raise ValueError(
                f"unknown dispute types {sorted(unknown)}; types are {sorted(DEFAULT_DISPUTE_ANSWER_DAYS)}"
            )
        if any(not 1 <= days <= 90 for days in value.values()):
            raise ValueError("dispute answer deadlines are 1..90 days")
        return {**DEFAULT_DISPUTE_ANSWER_DAYS, **value}

    @field_validator("query_cost_limit", "rate_limit_capacity", "rate_limit_restore_per_second")
    @classmethod
    def _limits(cls, value: dict[str, float], info) -> dict[str, float]:  # noqa: ANN001
        from server.limits.config import merge_limits

        return merge_limits(info.field_name, value)

    @model_validator(mode="after")
    def _live_share_of_the_pool(self) -> Settings:
        if self.live_db_sessions >= self.database_pool_size:
            raise ValueError(
                f"MATCHUP_LIVE_DB_SESSIONS ({self.live_db_sessions}) must be less than MATCHUP_DATABASE_POOL_SIZE "
                f"({self.database_pool_size}): live subscriptions may hold only a share of the pool"
            )
        return self

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
    def introspection_enabled(self) -> bool:
        return self.env == "dev" if self.graphql_introspection is None else self.graphql_introspection

    @property
    def suggestions_enabled(self) -> bool:
        return self.env == "dev" if self.graphql_suggestions is None else self.graphql_suggestions

    @property
    def is_https(self) -> bool:
        return (self.public_url or "").lower().startswith("https://")

    @property
    def session_cookie_secure(self) -> bool:
        return self.cookie_secure or self.env == "prod" or self.is_https

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def webhook_private_urls_allowed(self) -> bool:
        return (
            self.env != "prod" if self.webhook_allow_private_urls is None else self.webhook_allow_private_urls
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
