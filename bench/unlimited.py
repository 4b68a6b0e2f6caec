"""Environment for a benchmarked server process: one load generator sends as fast as it can from one address and
one login, so the rate limits (docs/api-limits.md) are lifted there; the benchmark measures the work, not the
refusal of it. Query cost and time limits stay as configured."""

from __future__ import annotations

import json

_HUGE = 10**9
_BUCKETS = ("anonymous", "creator", "seller", "agency", "operator", "address", "integration_key")

RATE_LIMITS_LIFTED = {
    "MATCHUP_RATE_LIMIT_CAPACITY": json.dumps(dict.fromkeys(_BUCKETS, _HUGE)),
    "MATCHUP_RATE_LIMIT_RESTORE_PER_SECOND": json.dumps(dict.fromkeys(_BUCKETS, _HUGE)),
}
