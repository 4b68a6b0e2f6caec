from __future__ import annotations

from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import errors_of
from server.schema.context import Info
from server.schema.inputs.product_lists import ProductListDuplicateInput
from server.schema.types.product_list import ProductList, ProductListPayload
from server.services import product_lists
from server.services.errors import DomainError


async def resolve_product_list_duplicate(
    info: Info,
    input: ProductListDuplicateInput,  # noqa: A002
) -> ProductListPayload:
    try:
        row = await product_lists.duplicate_list(
            info.context.rt,
            principal_of(info),
            list_id=input_id(input.id, "ProductList", ["input", "id"]),
            name=input.name,
        )
    except DomainError as error:
        return ProductListPayload(product_list=None, user_errors=errors_of(error))
    return ProductListPayload(product_list=ProductList.from_row(row), user_errors=[])
