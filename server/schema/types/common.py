"""Shared GraphQL types: Node, Money and the domain enums."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from server.models import enums
from server.money import minor_to_decimal_string

T = TypeVar("T")


class Unread(enum.Enum):
    """A relation a page did not read with its row (see `Joined` in registration.py): ask the loader."""

    UNREAD = "UNREAD"


UNREAD = Unread.UNREAD


def or_none(make: Callable[[Any], T]) -> Callable[[Any], T | None]:
    """make(row), or None for a loader's None. Made once per module, so that ScopedLoader.shared can key the
    objects it makes by it."""
    return lambda row: None if row is None else make(row)


# A domain enum becomes a GraphQL enum in place: strawberry.enum(X) registers X itself and returns it. Every
# schema module aliases the class first (Name = enums.Name) and registers the alias, so that type checkers take
# the alias as a type in annotations (a name bound to a call's result is a variable to them).
Role = enums.Role
strawberry.enum(Role, description="What a user is: the kind of the organisation it belongs to.")
Market = enums.Market
strawberry.enum(Market)
Currency = enums.Currency
strawberry.enum(Currency)
OrganisationKind = enums.OrganisationKind
strawberry.enum(OrganisationKind)
SellerType = enums.SellerType
strawberry.enum(SellerType)
Locale = enums.Locale
strawberry.enum(Locale, description="A language of the web app (the value is its BCP 47 tag).")


@strawberry.enum(description="Order of a sorted list (shared by every list sort input).")
class SortDirection(enum.StrEnum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.interface(description="An object with an opaque global id, fetchable with node(id:).")
class Node:
    id: strawberry.ID


@strawberry.type(description="An amount of money: a decimal string in the currency's minor-unit precision.")
class Money:
    amount: str = strawberry.field(
        description="Decimal string, e.g. '12.50' (USD) or '250000' (VND). Never a float."
    )
    currency: Currency

    @classmethod
    def of(cls, amount_minor: int, currency: enums.Currency) -> Money:
        return cls(amount=minor_to_decimal_string(amount_minor, currency), currency=currency)
