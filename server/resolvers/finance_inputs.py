"""Shared by the finance resolvers: input ids, the tax address and the userError mapping."""

from __future__ import annotations

from collections.abc import Sequence

from server.resolvers import inputs
from server.resolvers.errors import user_errors
from server.schema.inputs.finance import TaxAddressInput
from server.schema.types.finance import FinanceErrorCode, FinanceUserError
from server.services.errors import DomainError, DomainErrors
from server.services.finance.tax import Address

WHAT = {"TaxInfo": "Tax info", "BankAccount": "Bank account", "PaymentBill": "Bill"}


def input_id(value: str, type_name: str, field: Sequence[str | int]) -> int:
    return inputs.input_id(value, type_name, field, WHAT[type_name])


def address_of(value: TaxAddressInput) -> Address:
    return Address(
        line1=value.line1,
        line2=value.line2,
        city=value.city,
        region=value.region,
        postal_code=value.postal_code,
        country=value.country,
    )


def errors_of(error: DomainError | DomainErrors) -> list[FinanceUserError]:
    return user_errors(error, FinanceUserError, FinanceErrorCode)
