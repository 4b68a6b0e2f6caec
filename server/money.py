"""Integer minor units ↔ decimal strings, and the commission rounding rule (half-up per line)."""

from __future__ import annotations

from decimal import Decimal

from server.models.enums import CURRENCY_EXPONENT, Currency


def minor_to_decimal_string(amount_minor: int, currency: Currency) -> str:
    exponent = CURRENCY_EXPONENT[currency]
    if exponent == 0:
        return str(amount_minor)
    sign = "-" if amount_minor < 0 else ""
    whole, frac = divmod(abs(amount_minor), 10**exponent)
    return f"{sign}{whole}.{frac:0{exponent}d}"


def decimal_string_to_minor(amount: str, currency: Currency) -> int:
    """Exact parse; raises ValueError for more decimals than the currency has."""
    value = Decimal(amount)
    exponent = CURRENCY_EXPONENT[currency]
    scaled = value.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{currency} amounts have at most {exponent} decimals")
    return int(scaled)


def apply_rate(base_minor: int, rate_bps: int) -> int:
    """round(base × rate / 10000), half-up, in integers only."""
    if base_minor < 0 or rate_bps < 0:
        raise ValueError("apply_rate takes non-negative amounts and rates")
    return (base_minor * rate_bps * 2 + 10000) // 20000


def agency_rate_bps(total_rate_bps: int, creator_rate_bps: int) -> int:
    """The three-way split: the agency keeps what the seller pays beyond the creator's rate (never stored)."""
    return total_rate_bps - creator_rate_bps


def bps_to_percent(rate_bps: int) -> str:
    """1250 → '12.5%', 1000 → '10%', 1234 → '12.34%' (exact: a basis point is 0.01 %)."""
    sign = "-" if rate_bps < 0 else ""
    whole, frac = divmod(abs(rate_bps), 100)
    return f"{sign}{whole}" + (f".{frac:02d}".rstrip("0") if frac else "") + "%"
