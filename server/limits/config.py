"""Validation of the per-role limit settings (server/settings.py): known keys, positive values, merged over defaults."""

from __future__ import annotations

from typing import Any


def merge_limits(setting: str, value: dict[str, Any]) -> dict[str, Any]:
    from server.settings import (
        DEFAULT_QUERY_COST_LIMIT,
        DEFAULT_RATE_LIMIT_CAPACITY,
        DEFAULT_RATE_LIMIT_RESTORE,
    )

    defaults = {
        "query_cost_limit": DEFAULT_QUERY_COST_LIMIT,
        "rate_limit_capacity": DEFAULT_RATE_LIMIT_CAPACITY,
        "rate_limit_restore_per_second": DEFAULT_RATE_LIMIT_RESTORE,
    }[setting]
    name = f"MATCHUP_{setting.upper()}"
    unknown = set(value) - set(defaults)
    if unknown:
        raise ValueError(f"{name}: unknown keys {sorted(unknown)}; the keys are {sorted(defaults)}")
    if any(not isinstance(v, int | float) or v <= 0 for v in value.values()):
        raise ValueError(f"{name}: every value must be a number above 0")
    return {**defaults, **value}
