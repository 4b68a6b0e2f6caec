from __future__ import annotations

from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import item_specs, list_payload
from server.schema.context import Info
from server.schema.inputs.product_lists import ProductListItemsSetInput
from server.schema.types.product_list import ProductListPayload
from server.services import product_lists


async def resolve_product_list_items_set(
    info: Info,
    input: ProductListItemsSetInput,  # noqa: A002
) -> ProductListPayload:
    return await list_payload(
        lambda: product_lists.set_items(
            info.context.rt,
            principal_of(info),
            list_id=input_id(input.list_id, "ProductList", ["input", "listId"]),
            items=item_specs(input.set_, ["input", "set"]),
            remove=[
                input_id(raw, "Registration", ["input", "remove", j]) for j, raw in enumerate(input.remove)
            ],
        )
    )
