"""Reusable CHECK constraints: rates in basis points, money, market/currency pairs. Portable SQL only."""

from __future__ import annotations

from sqlalchemy import CheckConstraint

from server.models.enums import MARKET_CURRENCY

# Every rate a person enters is 1 %–80 %, inclusive (docs/domain.md "Conventions").
RATE_MIN_BPS = 100
RATE_MAX_BPS = 8000


def rate_bps(column: str) -> CheckConstraint:
    """`column` is NULL or a person-entered rate in 100..8000 bps. Named ck_<table>_<column>_range."""
    return CheckConstraint(f"{column} between {RATE_MIN_BPS} and {RATE_MAX_BPS}", name=f"{column}_range")


def non_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"{column}_non_negative")


def positive(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} > 0", name=f"{column}_positive")


def length_between(column: str, low: int, high: int) -> CheckConstraint:
    return CheckConstraint(f"length({column}) between {low} and {high}", name=f"{column}_length")


def market_currency(market: str = "market", currency: str = "currency") -> CheckConstraint:
    """The currency is the market's currency (one market, one currency)."""
    pairs = " or ".join(
        f"({market} = '{m.value}' and {currency} = '{c.value}')" for m, c in MARKET_CURRENCY.items()
    )
    return CheckConstraint(pairs, name=f"{currency}_of_{market}")
