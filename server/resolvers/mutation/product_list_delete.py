from __future__ import annotations

import strawberry

from server.ids import encode_id
from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import errors_of
from server.schema.context import Info
from server.schema.inputs.product_lists import ProductListDeleteInput
from server.schema.types.product_list import ProductListDeletePayload
from server.services import product_lists
from server.services.errors import DomainError


async def resolve_product_list_delete(
    info: Info,
    input: ProductListDeleteInput,  # noqa: A002
) -> ProductListDeletePayload:
    try:
        pk = await product_lists.delete_list(
            info.context.rt, principal_of(info), list_id=input_id(input.id, "ProductList", ["input", "id"])
        )
    except DomainError as error:
        return ProductListDeletePayload(deleted_id=None, user_errors=errors_of(error))
    return ProductListDeletePayload(deleted_id=strawberry.ID(encode_id("ProductList", pk)), user_errors=[])
