"""Shared by the product list and share link mutations: input ids, items, the userError mapping and the payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from server import models
from server.resolvers.errors import user_errors
from server.resolvers.inputs import input_id
from server.schema.inputs.product_lists import ProductListItemInput
from server.schema.types.product_list import (
    ProductList,
    ProductListErrorCode,
    ProductListPayload,
    ProductListUserError,
)
from server.services.errors import DomainError
from server.services.product_lists import ItemSpec


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


async def list_payload(change: Callable[[], Awaitable[models.ProductList]]) -> ProductListPayload:
    """The list as `change` leaves it, or its refusal (a malformed input id included) as userErrors."""
    try:
        row = await change()
    except DomainError as error:
        return ProductListPayload(product_list=None, user_errors=errors_of(error))
    return ProductListPayload(product_list=ProductList.from_row(row), user_errors=[])
