"""Shared by the finance resolvers: input ids, the tax address and the userError mapping."""

from __future__ import annotations

from collections.abc import Sequence

from server.auth.principal import Principal
from server.authz.errors import InvalidId
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.ids import decode_id
from server.schema.types.finance import FinanceErrorCode, FinanceUserError, TaxAddressInput
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.finance.tax import Address


def principal_of(info: Info) -> Principal:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only logged-in roles in
    return principal


WHAT = {"TaxInfo": "Tax info", "BankAccount": "Bank account", "PaymentBill": "Bill"}


def input_id(value: str, type_name: str, field: Sequence[str | int]) -> int:
    """A malformed id or one of another type names nothing the caller has: NOT_FOUND at its field."""
    try:
        return decode_id(value, type_name)
    except InvalidId:
        raise not_found(WHAT[type_name], field) from None


def address_of(value: TaxAddressInput) -> Address:
    return Address(
        line1=value.line1, line2=value.line2, city=value.city, region=value.region, postal_code=value.postal_code,
        country=value.country,
    )


def errors_of(error: DomainError | DomainErrors) -> list[FinanceUserError]:
    return user_errors(error, FinanceUserError, FinanceErrorCode)
