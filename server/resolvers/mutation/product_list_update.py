from __future__ import annotations

from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import list_payload
from server.schema.context import Info
from server.schema.inputs.product_lists import ProductListUpdateInput
from server.schema.types.product_list import ProductListPayload
from server.services import product_lists


async def resolve_product_list_update(info: Info, input: ProductListUpdateInput) -> ProductListPayload:  # noqa: A002
    return await list_payload(
        lambda: product_lists.rename_list(
            info.context.rt,
            principal_of(info),
            list_id=input_id(input.id, "ProductList", ["input", "id"]),
            name=input.name,
        )
    )
