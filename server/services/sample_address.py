"""A sample's shipping address and its checks (phone, postal code, the market's country); the creator gives it,
only the seller (and the creator) can read it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.models.enums import Market
from server.services.errors import DomainError, DomainErrors

PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,30}$")


POSTAL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,19}$")


COUNTRIES = frozenset(m.value for m in Market)  # the markets' ISO 3166-1 alpha-2 codes


@dataclass(frozen=True, slots=True)
class Address:
    recipient_name: str
    phone: str
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str
    country: str


def stripped(value: str | None) -> str:
    return (value or "").strip()


def check_address(address: Address, field: list[str]) -> Address:
    """Every field checked; all problems reported together."""
    errors: list[DomainError] = []

    def required(name: str, value: str, max_len: int, what: str) -> str:
        if not value:
            errors.append(DomainError("REQUIRED", f"Enter {what}", [*field, name]))
        elif len(value) > max_len:
            errors.append(DomainError("TOO_LONG", f"Use at most {max_len} characters", [*field, name]))
        return value

    def optional(name: str, value: str, max_len: int) -> str | None:
        if len(value) > max_len:
            errors.append(DomainError("TOO_LONG", f"Use at most {max_len} characters", [*field, name]))
        return value or None

    recipient = required("recipientName", stripped(address.recipient_name), 120, "the recipient's name")
    phone = required("phone", stripped(address.phone), 32, "a phone number")
    if phone and len(phone) <= 32 and not PHONE_RE.match(phone):
        errors.append(
            DomainError("INVALID_FORMAT", "Enter a phone number, e.g. +66 81 234 5678", [*field, "phone"])
        )
    line1 = required("line1", stripped(address.line1), 200, "the street address")
    line2 = optional("line2", stripped(address.line2), 200)
    city = required("city", stripped(address.city), 100, "the city")
    region = optional("region", stripped(address.region), 100)
    postal = required("postalCode", stripped(address.postal_code), 20, "the postal code")
    if postal and len(postal) <= 20 and not POSTAL_RE.match(postal):
        errors.append(DomainError("INVALID_FORMAT", "Enter a valid postal code", [*field, "postalCode"]))
    country = stripped(address.country).upper()
    if not country:
        errors.append(DomainError("REQUIRED", "Choose the country", [*field, "country"]))
    elif country not in COUNTRIES:
        errors.append(
            DomainError(
                "INVALID_FORMAT", f"Choose one of {', '.join(sorted(COUNTRIES))}", [*field, "country"]
            )
        )
    if errors:
        raise DomainErrors(errors)
    return Address(
        recipient_name=recipient,
        phone=phone,
        line1=line1,
        line2=line2,
        city=city,
        region=region,
        postal_code=postal,
        country=country,
    )
