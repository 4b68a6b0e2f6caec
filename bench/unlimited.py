"""Environment for a benchmarked server process: one load generator sends as fast as it can from one address and
one login, so the rate limits (docs/api-limits.md) are lifted there; the benchmark measures the work, not the
refusal of it. Query cost and time limits stay as configured."""

from __future__ import annotations

import json
import secrets

_HUGE = 10**9
_BUCKETS = ("anonymous", "creator", "seller", "agency", "operator", "address", "integration_key")

RATE_LIMITS_LIFTED = {
    "MATCHUP_RATE_LIMIT_CAPACITY": json.dumps(dict.fromkeys(_BUCKETS, _HUGE)),
    "MATCHUP_RATE_LIMIT_RESTORE_PER_SECOND": json.dumps(dict.fromkeys(_BUCKETS, _HUGE)),
}


def server_env(database_url: str) -> dict[str, str]:
    """A benchmarked server's MATCHUP_* environment: a test server on the database, no Redis, no simulator, no
    sweeper, WARNING logs, a fresh secret, the rate limits lifted."""
    return {
        "MATCHUP_DATABASE_URL": database_url,
        "MATCHUP_ENV": "test",
        "MATCHUP_SECRET_KEY": secrets.token_hex(24),
        "MATCHUP_REDIS_URL": "",
        "MATCHUP_SIMULATOR": "off",
        "MATCHUP_SWEEP_INTERVAL_SECONDS": "0",
        "MATCHUP_LOG_LEVEL": "WARNING",
        **RATE_LIMITS_LIFTED,
    }
