"""Shared by the product list and share link mutations: input ids, items and the userError mapping."""

from __future__ import annotations

from collections.abc import Sequence

from server.auth.principal import Principal
from server.authz.errors import InvalidId
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.ids import decode_id
from server.schema.types.product_list import ProductListErrorCode, ProductListItemInput, ProductListUserError
from server.services.errors import DomainError, not_found
from server.services.product_lists import ItemSpec


def principal_of(info: Info) -> Principal:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    return principal


def input_id(value: str, type_name: str, field: Sequence[str | int]) -> int:
    """A malformed id or one of another type names nothing the caller has: NOT_FOUND at its field."""
    try:
        return decode_id(value, type_name)
    except InvalidId:
        raise not_found(type_name, field) from None


def item_specs(items: Sequence[ProductListItemInput], field: Sequence[str | int]) -> list[ItemSpec]:
    return [
        ItemSpec(
            registration_id=input_id(item.registration_id, "Registration", [*field, i, "registrationId"]),
            creator_rate_bps=item.creator_rate_bps,
        )
        for i, item in enumerate(items)
    ]


def errors_of(error: DomainError) -> list[ProductListUserError]:
    return user_errors(error, ProductListUserError, ProductListErrorCode)
