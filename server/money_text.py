"""Money as people read it in notifications: the web app's format (en-US narrow symbol, thousands separators,
the currency's minor digits), e.g. 103725 THB → "฿1,037.25", 250000 VND → "₫250,000", 8990 MYR → "RM 89.90"."""

from __future__ import annotations

from server.models.enums import Currency
from server.money import minor_to_decimal_string

SYMBOLS: dict[Currency, str] = {
    Currency.USD: "$",
    Currency.GBP: "£",
    Currency.THB: "฿",
    Currency.VND: "₫",
    Currency.PHP: "₱",
    Currency.IDR: "Rp ",
    Currency.MYR: "RM ",
}


def money_text(amount_minor: int, currency: Currency) -> str:
    whole, _, fraction = minor_to_decimal_string(abs(amount_minor), currency).partition(".")
    sign = "-" if amount_minor < 0 else ""
    return f"{sign}{SYMBOLS[currency]}{int(whole):,}{'.' + fraction if fraction else ''}"
